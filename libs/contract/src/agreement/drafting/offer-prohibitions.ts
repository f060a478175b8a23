import type { DataPurpose, DatasetOffer } from '@tetrad/dataset';
import type { Prohibition } from '../contract-terms';
import { PROHIBITION_LABELS } from './contract-vocabulary';
import type { ContractLanguage } from '../documents/document-blocks';

/**
 * The prohibitions a dataset's offer implies (issue 14). A draft starts from the request's purpose;
 * when a steward approves a purpose the offer does not name (overriding the matcher), the draft must
 * still carry the offer's limits, so that the legal teams lift a limit knowingly, never by omission.
 *
 * | The offer                                           | implies                 |
 * | --------------------------------------------------- | ----------------------- |
 * | does not name COMMERCIAL_PRODUCT                    | COMMERCIAL_USE          |
 * | any offer (none lets the data itself be passed on)  | REDISTRIBUTE            |
 * | records people (personal data, anonymised or not)   | RE_IDENTIFY             |
 * | records people, or is RESTRICTED or TRADE_SECRET    | CROSS_BORDER_TRANSFER   |
 */
export interface OfferLimit {
  prohibition: Prohibition;
  /** Why the offer implies it, as a clause of a sentence about the dataset ("its offer does not …"). */
  because: string;
  /** The same reason in Chinese (“其开放条件不包括……”), for notes written in Chinese. */
  becauseZh: string;
}

/** Prohibitions in the order drafts list them (the order of `defaultTerms`). */
export const PROHIBITION_ORDER: readonly Prohibition[] = [
  'RE_IDENTIFY',
  'REDISTRIBUTE',
  'COMMERCIAL_USE',
  'CROSS_BORDER_TRANSFER',
];

export function offerLimits(offer: DatasetOffer): OfferLimit[] {
  const limits: OfferLimit[] = [];
  if (!offer.allowedPurposes.includes('COMMERCIAL_PRODUCT')) {
    limits.push({
      prohibition: 'COMMERCIAL_USE',
      because: 'its offer does not include commercial products',
      becauseZh: '其开放条件不包括商业产品',
    });
  }
  const derivedOnly = offer.allowedPurposes.includes('REDISTRIBUTE_DERIVED');
  limits.push({
    prohibition: 'REDISTRIBUTE',
    because: derivedOnly
      ? 'its offer allows redistributing derived works only, never the data itself'
      : 'its offer does not include redistribution',
    becauseZh: derivedOnly
      ? '其开放条件仅允许再分发衍生成果，不允许再分发数据本身'
      : '其开放条件不包括再分发',
  });
  if (offer.personalData) {
    limits.push({
      prohibition: 'RE_IDENTIFY',
      because: 'people were recorded in it',
      becauseZh: '其中记录了人员',
    });
    limits.push({
      prohibition: 'CROSS_BORDER_TRANSFER',
      because: 'it holds personal information, which stays in China unless the law allows its export',
      becauseZh: '其中含有个人信息，除法律允许出境的情形外须留存于境内',
    });
  } else if (offer.sensitivity === 'RESTRICTED' || offer.sensitivity === 'TRADE_SECRET') {
    const restricted = offer.sensitivity === 'RESTRICTED';
    limits.push({
      prohibition: 'CROSS_BORDER_TRANSFER',
      because: `it is ${restricted ? 'restricted' : 'a trade secret'}`,
      becauseZh: restricted ? '其敏感级别为受限' : '其属于商业秘密',
    });
  }
  return sortLimits(limits);
}

export interface DatasetLimit extends OfferLimit {
  datasetId: string;
}

/** The limits of each dataset's offer (a dataset without a known offer implies none). */
export function offerLimitsOf(
  datasetIds: readonly string[],
  offers: ReadonlyMap<string, DatasetOffer>,
): DatasetLimit[] {
  return datasetIds.flatMap((datasetId) => {
    const offer = offers.get(datasetId);
    return offer ? offerLimits(offer).map((limit) => ({ datasetId, ...limit })) : [];
  });
}

/**
 * The first version's note, in the contract's governing language: where the drafted prohibitions
 * come from. A prohibition the purpose alone would have lifted is named first, as the offer's
 * limit the legal teams must not miss.
 */
export function draftNote(
  purposes: readonly DataPurpose[],
  limits: readonly DatasetLimit[],
  datasetNames: ReadonlyMap<string, string>,
  language: ContractLanguage = 'en',
): string {
  const liftedByPurpose = purposes.includes('COMMERCIAL_PRODUCT') ? ['COMMERCIAL_USE'] : [];
  const kept = limits.filter((limit) => liftedByPurpose.includes(limit.prohibition));
  if (language === 'zh-CN') return chineseDraftNote(limits, kept, datasetNames);
  if (limits.length === 0) return 'Drafted from the approved request.';
  const describe = (limit: DatasetLimit) =>
    `${limit.prohibition} (“${datasetNames.get(limit.datasetId) ?? limit.datasetId}”: ${limit.because})`;
  const parts = [
    'Drafted from the approved request.',
    ...(kept.length > 0
      ? [
          `Kept although the requested purpose would lift it, because the offer does not: ${kept.map(describe).join('; ')}.`,
        ]
      : []),
    `Prohibitions the datasets' offers imply: ${limits.map(describe).join('; ')}.`,
  ];
  return parts.join(' ');
}

function chineseDraftNote(
  limits: readonly DatasetLimit[],
  kept: readonly DatasetLimit[],
  datasetNames: ReadonlyMap<string, string>,
): string {
  const drafted = '依据已批准的数据访问申请起草。';
  if (limits.length === 0) return drafted;
  const describe = (limit: DatasetLimit) =>
    `${PROHIBITION_LABELS['zh-CN'][limit.prohibition]}（“${datasetNames.get(limit.datasetId) ?? limit.datasetId}”：${limit.becauseZh}）`;
  return [
    drafted,
    ...(kept.length > 0
      ? [
          `以下禁止事项虽会因所申请的用途而解除，但数据集的开放条件并未允许，故予保留：${kept.map(describe).join('；')}。`,
        ]
      : []),
    `数据集开放条件所要求的禁止事项：${limits.map(describe).join('；')}。`,
  ].join('');
}

/** The union of prohibitions, in the drafts' order. */
export function mergeProhibitions(...lists: (readonly Prohibition[])[]): Prohibition[] {
  const all = new Set(lists.flat());
  return PROHIBITION_ORDER.filter((prohibition) => all.has(prohibition));
}

function sortLimits(limits: OfferLimit[]): OfferLimit[] {
  return [...limits].sort(
    (a, b) => PROHIBITION_ORDER.indexOf(a.prohibition) - PROHIBITION_ORDER.indexOf(b.prohibition),
  );
}
