import type { DataPurpose } from '@tetrad/dataset';
import type { ContractStatus } from '../../contract-enums';
import type { Duty, Modality, PartyRole, Prohibition } from '../contract-terms';
import type { ContractLanguage } from '../documents/document-blocks';

/**
 * The words of a data-use agreement in each contract language: one name per term (DOMAIN.md's
 * glossary), read by the clause templates, titles, version notes and documents. The web app's
 * contract locales use the same Chinese names.
 */
type Words<K extends string> = Record<ContractLanguage, Record<K, string>>;

export const PURPOSE_LABELS: Words<DataPurpose> = {
  'zh-CN': {
    RESEARCH: '科学研究',
    MODEL_TRAINING: '模型训练',
    BENCHMARKING: '基准测评',
    SIM_TO_REAL: '仿真到实机迁移',
    SAFETY_CERTIFICATION: '安全认证',
    COMMERCIAL_PRODUCT: '商业产品',
    REDISTRIBUTE_DERIVED: '再分发衍生成果',
  },
  en: {
    RESEARCH: 'research',
    MODEL_TRAINING: 'model training',
    BENCHMARKING: 'benchmarking',
    SIM_TO_REAL: 'sim-to-real transfer',
    SAFETY_CERTIFICATION: 'safety certification',
    COMMERCIAL_PRODUCT: 'commercial products',
    REDISTRIBUTE_DERIVED: 'redistribution of derived works',
  },
};

/** Short names of prohibitions (lists, headings). */
export const PROHIBITION_LABELS: Words<Prohibition> = {
  'zh-CN': {
    REDISTRIBUTE: '禁止再分发',
    RE_IDENTIFY: '禁止重新识别个人',
    COMMERCIAL_USE: '禁止商业使用',
    CROSS_BORDER_TRANSFER: '禁止跨境传输',
  },
  en: {
    REDISTRIBUTE: 'no redistribution',
    RE_IDENTIFY: 'no re-identification',
    COMMERCIAL_USE: 'no commercial use',
    CROSS_BORDER_TRANSFER: 'no cross-border transfer',
  },
};

/** What the recipient must not do, as the end of "The recipient must not …" / "数据接收方不得……". */
export const PROHIBITION_PHRASES: Words<Prohibition> = {
  'zh-CN': {
    REDISTRIBUTE: '向任何第三方再分发数据',
    RE_IDENTIFY: '试图重新识别数据中记录的任何个人',
    COMMERCIAL_USE: '将数据用于商业目的',
    CROSS_BORDER_TRANSFER: '将数据传输至中华人民共和国境外，包括从境外访问数据',
  },
  en: {
    REDISTRIBUTE: 'redistribute the data to third parties',
    RE_IDENTIFY: 'attempt to re-identify any person recorded in the data',
    COMMERCIAL_USE: 'use the data for commercial purposes',
    CROSS_BORDER_TRANSFER:
      "transfer the data out of the People's Republic of China, including by giving access to it from abroad",
  },
};

export const DUTY_LABELS: Words<Duty> = {
  'zh-CN': {
    ATTRIBUTE: '署名引用',
    DELETE_ON_EXPIRY: '到期删除数据',
    REPORT_PUBLICATIONS: '报告发表成果',
    NOTIFY_BREACH: '通报安全事件',
  },
  en: {
    ATTRIBUTE: 'attribution',
    DELETE_ON_EXPIRY: 'deletion on expiry',
    REPORT_PUBLICATIONS: 'reporting publications',
    NOTIFY_BREACH: 'notifying security incidents',
  },
};

export const MODALITY_LABELS: Words<Modality> = {
  'zh-CN': {
    RGB: 'RGB 图像',
    DEPTH: '深度',
    FORCE_TORQUE: '力/力矩',
    TACTILE: '触觉',
    JOINT_STATES: '关节状态',
    TRAJECTORIES: '轨迹',
    AUDIO: '音频',
    LANGUAGE_ANNOTATIONS: '语言标注',
  },
  en: {
    RGB: 'RGB video',
    DEPTH: 'depth',
    FORCE_TORQUE: 'force-torque',
    TACTILE: 'tactile',
    JOINT_STATES: 'joint states',
    TRAJECTORIES: 'trajectories',
    AUDIO: 'audio',
    LANGUAGE_ANNOTATIONS: 'language annotations',
  },
};

export const PARTY_ROLE_LABELS: Words<PartyRole> = {
  'zh-CN': { PROVIDER: '数据提供方', RECIPIENT: '数据接收方' },
  en: { PROVIDER: 'Provider', RECIPIENT: 'Recipient' },
};

export const CONTRACT_STATUS_LABELS: Words<`${ContractStatus}`> = {
  'zh-CN': {
    DRAFT: '草稿',
    IN_NEGOTIATION: '协商中',
    AGREED: '已定稿',
    ACTIVE: '生效中',
    SUSPENDED: '已暂停',
    EXPIRED: '已到期',
    TERMINATED: '已终止',
  },
  en: {
    DRAFT: 'Draft',
    IN_NEGOTIATION: 'In negotiation',
    AGREED: 'Agreed',
    ACTIVE: 'Active',
    SUSPENDED: 'Suspended',
    EXPIRED: 'Expired',
    TERMINATED: 'Terminated',
  },
};

/** The name of each language, written in the given language ("中文", "Chinese"). */
export const LANGUAGE_NAMES: Words<ContractLanguage> = {
  'zh-CN': { 'zh-CN': '中文', en: '英文' },
  en: { 'zh-CN': 'Chinese', en: 'English' },
};

export function purposeLabel(purpose: DataPurpose, language: ContractLanguage): string {
  return PURPOSE_LABELS[language][purpose];
}

export function statusLabel(status: string, language: ContractLanguage): string {
  return (CONTRACT_STATUS_LABELS[language] as Record<string, string>)[status] ?? status;
}

/** "甲、乙和丙" / "a, b and c": names read as a sentence, not as a list. */
export function listInWords(items: readonly string[], language: ContractLanguage): string {
  if (items.length <= 1) return items.join('');
  const init = items.slice(0, -1);
  const last = items[items.length - 1];
  return language === 'zh-CN' ? `${init.join('、')}和${last}` : `${init.join(', ')} and ${last}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A YYYY-MM-DD date in words: "2026年12月3日" / "3 December 2026". */
export function dateInWords(isoDate: string, language: ContractLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) {
    throw new RangeError(`"${isoDate}" is not a date in the form YYYY-MM-DD.`);
  }
  const [year, day] = [Number(match[1]), Number(match[3])];
  return language === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS[month - 1]} ${year}`;
}

/** How a document names a time zone: "北京时间" for China's, else its IANA name. */
export function timeZoneInWords(timeZone: string, language: ContractLanguage): string {
  if (timeZone === 'Asia/Shanghai') return language === 'zh-CN' ? '北京时间' : 'Beijing time';
  return language === 'zh-CN' ? `${timeZone} 时区` : `${timeZone} time`;
}

/** An instant as a date and time in a time zone, in words: "2026年12月3日 14:05" / "3 December 2026, 14:05". */
export function dateTimeInWords(instant: Date, timeZone: string, language: ContractLanguage): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const date = dateInWords(`${parts.year}-${parts.month}-${parts.day}`, language);
  const time = `${parts.hour}:${parts.minute}`;
  const zone = timeZoneInWords(timeZone, language);
  return language === 'zh-CN' ? `${date} ${time}（${zone}）` : `${date}, ${time} (${zone})`;
}
