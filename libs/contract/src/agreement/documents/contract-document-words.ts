import type { ContractLanguage } from './document-blocks';

/** The sentences of the contract document in each language (contract-document.ts lays them out). */
export interface DocumentWords {
  translationNotice: (governingLanguageName: string) => string;
  untranslatedClause: string;
  version: string;
  versionN: (n: number) => string;
  status: string;
  governingLanguage: string;
  contentHash: string;
  parties: string;
  organisation: string;
  role: string;
  datasets: string;
  dataset: (name: string, id: string) => string;
  terms: string;
  clauses: string;
  purposes: (list: string | null) => string;
  prohibitions: (any: boolean) => string;
  duties: (any: boolean) => string;
  /** A list item that reads as the end of the sentence above it. */
  sentence: (phrase: string) => string;
  attribute: string;
  notifyBreach: string;
  deleteOnExpiry: (days: number, by: string) => string;
  reportPublications: (days: number | null, by: string | null) => string;
  period: (from: string, to: string, zone: string) => string;
  excluded: (list: string | null) => string;
  overridesHeading: string;
  overridesIntro: string;
  override: (dataset: string, matcherVersion: string, decision: string, rationale: string) => string;
  approvedBy: (steward: string, organisation: string, date: string) => string;
  signatures: string;
  signer: string;
  signedAt: string;
  hashMatches: string;
  yes: string;
  no: string;
  noSignature: string;
}

const ZH_ADVICE: Record<string, string> = {
  DENY: '建议不予批准（DENY）',
  ABSTAIN: '未作判断，交由数据专员决定（ABSTAIN）',
};
const EN_ADVICE: Record<string, string> = {
  DENY: 'advised against it (DENY)',
  ABSTAIN: 'left it to the steward (ABSTAIN)',
};

export const DOCUMENT_WORDS: Record<ContractLanguage, DocumentWords> = {
  'zh-CN': {
    translationNotice: (governing) => `本文件为参考译文，仅供参考；本协议以${governing}文本为准。`,
    untranslatedClause: '本条暂无译文，以下为作准文本。',
    version: '版本',
    versionN: (n) => `第 ${n} 版`,
    status: '状态',
    governingLanguage: '作准文本语言',
    contentHash: '内容哈希（SHA-256）',
    parties: '合同各方',
    organisation: '机构',
    role: '角色',
    datasets: '数据集',
    dataset: (name, id) => `${name}（${id}）`,
    terms: '授权条件',
    clauses: '合同条款',
    purposes: (list) =>
      list ? `允许用途：数据接收方仅可将数据用于${list}。` : '允许用途：无，数据不得使用。',
    prohibitions: (any) => (any ? '禁止事项：数据接收方不得：' : '禁止事项：无。'),
    duties: (any) => (any ? '义务：数据接收方应当：' : '义务：无。'),
    sentence: (phrase) => `${phrase}。`,
    attribute: '在使用数据的每一项发表成果或产品中注明数据提供方（持续义务）。',
    notifyBreach: '发生影响数据的安全事件时，及时通知数据提供方，不得无故拖延（持续义务）。',
    deleteOnExpiry: (days, by) => `在终止日期后 ${days} 日内删除数据并出具删除证明，即不晚于${by}。`,
    reportPublications: (days, by) =>
      days === null
        ? '向数据提供方报告使用数据的每一项发表成果。'
        : `在起始日期后 ${days} 日内向数据提供方报告使用数据的每一项发表成果，即不晚于${by}。`,
    period: (from, to, zone) => `有效期：自${from}起（含当日）至${to}止（不含当日），以${zone}为准。`,
    excluded: (list) =>
      list ? `不提供的模态：不提供${list}记录。` : '不提供的模态：无，数据集的全部模态均予提供。',
    overridesHeading: '未采纳用途匹配建议的批准',
    overridesIntro:
      '用途匹配只提供建议，由数据集所属机构决定。以下数据集是在匹配建议之外批准的；数据专员写明的理由按原文引用。',
    override: (dataset, matcherVersion, decision, rationale) =>
      `${dataset}：用途匹配（${matcherVersion}）${ZH_ADVICE[decision] ?? decision}：${rationale}`,
    approvedBy: (steward, organisation, date) => `${organisation} 的 ${steward} 于${date}批准，理由如下：`,
    signatures: '签署',
    signer: '签署人',
    signedAt: '签署时间',
    hashMatches: '哈希一致',
    yes: '是',
    no: '否',
    noSignature: '本版本尚无任何一方签署。',
  },
  en: {
    translationNotice: (governing) =>
      `Convenience translation, for reference only: the ${governing} text of this agreement governs.`,
    untranslatedClause: 'This clause has no translation yet; the governing text follows.',
    version: 'Version',
    versionN: (n) => String(n),
    status: 'Status',
    governingLanguage: 'Governing language',
    contentHash: 'Content hash (SHA-256)',
    parties: 'Parties',
    organisation: 'Organisation',
    role: 'Role',
    datasets: 'Datasets',
    dataset: (name, id) => `${name} (${id})`,
    terms: 'Terms',
    clauses: 'Clauses',
    purposes: (list) =>
      list
        ? `Purposes: The recipient may use the data only for ${list}.`
        : 'Purposes: None: the data may not be used.',
    prohibitions: (any) => (any ? 'Prohibitions: The recipient must not:' : 'Prohibitions: None.'),
    duties: (any) => (any ? 'Duties: The recipient must:' : 'Duties: None.'),
    sentence: (phrase) => `${phrase}.`,
    attribute: 'attribute the providers in every publication or product that uses the data (standing duty).',
    notifyBreach:
      'notify the providers without undue delay of any security breach affecting the data (standing duty).',
    deleteOnExpiry: (days, by) =>
      `delete the data and certify the deletion within ${days} days of the end date, by ${by}.`,
    reportPublications: (days, by) =>
      days === null
        ? 'report every publication that uses the data to the providers.'
        : `report every publication that uses the data to the providers within ${days} days of the start date, by ${by}.`,
    period: (from, to, zone) => `Period: From ${from} (inclusive) to ${to} (exclusive), ${zone}.`,
    excluded: (list) =>
      list
        ? `Excluded modalities: ${list.charAt(0).toUpperCase()}${list.slice(1)} recordings are not shared.`
        : 'Excluded modalities: None: every modality of the datasets is shared.',
    overridesHeading: 'Purpose matcher overridden',
    overridesIntro:
      "The purpose matcher advises and each dataset's owner decides. These datasets were approved against its advice; the steward's reason is quoted as written.",
    override: (dataset, matcherVersion, decision, rationale) =>
      `${dataset}: the purpose matcher (${matcherVersion}) ${EN_ADVICE[decision] ?? decision}: ${rationale}`,
    approvedBy: (steward, organisation, date) =>
      `${steward} of ${organisation} approved it on ${date}, giving this reason:`,
    signatures: 'Signatures',
    signer: 'Signer',
    signedAt: 'Signed at',
    hashMatches: 'Hash matches',
    yes: 'yes',
    no: 'no',
    noSignature: 'No party has signed this version yet.',
  },
};
