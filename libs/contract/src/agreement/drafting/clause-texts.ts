import type { DataPurpose } from '@tetrad/dataset';
import type { ContractLanguage } from '../documents/document-blocks';

/**
 * The default clauses' words in each contract language (clause-templates.ts lays them out). The
 * Chinese is drafted as Chinese legal text, not translated word by word: parties are 数据提供方 and
 * 数据接收方, the machine-readable terms are 授权条件, and disputes go to arbitration under PRC law.
 */
export interface ClauseWords {
  key: string;
  title: string;
  text: string;
}

export interface ClauseTexts {
  grant: ClauseWords;
  purposeTitle: (label: string) => string;
  purposes: Record<DataPurpose, string>;
  standard: readonly ClauseWords[];
}

const EN_PURPOSES: Record<DataPurpose, string> = {
  RESEARCH:
    'The Recipient may use the Data for scientific research: analysis, experiments and the development of research prototypes and models. ' +
    'Research results may be published as set out in the Publications clause. ' +
    'Models or software developed under this purpose may not be used in commercial products unless the Terms also list commercial products as a purpose.',
  MODEL_TRAINING:
    'The Recipient may use the Data to train, fine-tune and evaluate machine-learning models, including robot control policies and foundation models. ' +
    'The Recipient takes reasonable measures so that the Data cannot be extracted or reconstructed from the trained models. ' +
    'Trained models may be used only for the purposes listed in the Terms.',
  BENCHMARKING:
    'The Recipient may use the Data to evaluate and compare the performance of robots, controllers or models. ' +
    'Benchmark results, scores and aggregate statistics may be published; the Data itself, and any sample of it that would allow it to be reconstructed, may not.',
  SIM_TO_REAL:
    'The Recipient may use the Data to build, calibrate and validate simulation environments and to transfer behaviour learned in simulation to physical robots. ' +
    'Scene reconstructions, dynamics parameters and other simulation assets derived from the Data are subject to this agreement as if they were the Data.',
  SAFETY_CERTIFICATION:
    'The Recipient may use the Data as evidence in the safety assessment, testing and certification of robots and robotic systems. ' +
    'It may disclose the parts of the Data that an assessment requires to a certification body or regulator, under confidentiality, and only for that assessment.',
  COMMERCIAL_PRODUCT:
    'The Recipient may use the Data, and models trained on it, to develop, operate and sell its own products and services. ' +
    'The Data itself may not be sold, licensed or otherwise made available as part of any product or service.',
  REDISTRIBUTE_DERIVED:
    'The Recipient may distribute works derived from the Data, such as trained models, annotations or aggregate statistics, to third parties. ' +
    'It may do so only where the Data cannot be reconstructed from the derived works and under terms that protect the Providers no less than this agreement. ' +
    'This purpose does not permit redistribution of the Data itself.',
};

const EN_STANDARD: readonly ClauseWords[] = [
  {
    key: 'security',
    title: 'Security',
    text:
      'The Recipient keeps the Data in access-controlled environments, encrypted in transit and at rest, and gives access only to its named personnel who need it for the permitted purposes. ' +
      'It keeps a record of every access to the Data. ' +
      'It notifies the Providers of any security incident affecting the Data without undue delay, and cooperates with them to contain it.',
  },
  {
    key: 'personal-data',
    title: 'Personal data',
    text:
      'Where the Data contains personal information, such as images or voices of people present during collection, each party complies with applicable data-protection law, ' +
      "including the Personal Information Protection Law of the People's Republic of China. " +
      'The Recipient processes such information only for the permitted purposes, makes no attempt to identify any person, and does not combine the Data with other data that would allow it.',
  },
  {
    key: 'publications',
    title: 'Publications',
    text:
      'Publications based on the Data acknowledge the Providers and the datasets used. ' +
      'They may include results, figures and aggregate statistics, but not the Data itself nor any image or recording in which a person can be identified. ' +
      'Where the Terms require it, the Recipient reports each publication to the Providers within the period stated there.',
  },
  {
    key: 'term-and-termination',
    title: 'Term and termination',
    text:
      'This agreement takes effect when every party has signed it and its start date has come, and ends on its end date. ' +
      'A Provider may suspend access at once if it reasonably believes the agreement has been breached, and may terminate it if a material breach is not remedied within 30 days of notice. ' +
      'When the agreement ends, access ends at once and the Recipient deletes the Data as the Terms require and certifies the deletion in writing. ' +
      'The clauses on security, personal data, publications, liability and governing law survive the end of the agreement.',
  },
  {
    key: 'liability',
    title: 'Liability',
    text:
      'The Data is provided as is, without warranty of accuracy, completeness or fitness for a particular purpose. ' +
      'Each party is liable for its own breach of this agreement. ' +
      'No party is liable for indirect or consequential loss, except for wilful misconduct, gross negligence, or breach of the prohibitions in the Terms or of the Security and Personal data clauses.',
  },
  {
    key: 'governing-law',
    title: 'Governing law and disputes',
    text:
      "This agreement is governed by the laws of the People's Republic of China. " +
      'The parties first seek to settle any dispute arising from it through good-faith negotiation. ' +
      "A dispute not settled within 30 days is submitted to arbitration before an arbitration institution in the People's Republic of China agreed by the parties, under its rules in force at the time; the award is final and binding on the parties.",
  },
];

const ZH_PURPOSES: Record<DataPurpose, string> = {
  RESEARCH:
    '数据接收方可将数据用于科学研究，包括分析、实验以及研究原型和模型的开发。' +
    '研究成果可按“发表成果”条款的约定发表。' +
    '依本用途开发的模型或软件不得用于商业产品，但授权条件同时列明商业产品用途的除外。',
  MODEL_TRAINING:
    '数据接收方可使用数据训练、微调和评估机器学习模型，包括机器人控制策略和基础模型。' +
    '数据接收方应采取合理措施，防止从训练所得的模型中提取或重建数据。' +
    '训练所得的模型仅可用于授权条件列明的用途。',
  BENCHMARKING:
    '数据接收方可使用数据评估和比较机器人、控制器或模型的性能。' +
    '测评结果、评分和汇总统计可以发表；数据本身以及足以据以重建数据的任何样本不得发表。',
  SIM_TO_REAL:
    '数据接收方可使用数据构建、标定和验证仿真环境，并将在仿真中习得的行为迁移至实体机器人。' +
    '由数据衍生的场景重建、动力学参数及其他仿真资产视同数据，适用本协议。',
  SAFETY_CERTIFICATION:
    '数据接收方可将数据作为机器人及机器人系统安全评估、测试和认证的证据。' +
    '在认证机构或监管部门负有保密义务的前提下，数据接收方可仅为该项评估之目的，向其披露评估所需的部分数据。',
  COMMERCIAL_PRODUCT:
    '数据接收方可使用数据及基于数据训练的模型，开发、运营和销售其自有产品与服务。' +
    '数据本身不得作为任何产品或服务的组成部分出售、许可或以其他方式提供。',
  REDISTRIBUTE_DERIVED:
    '数据接收方可向第三方分发由数据衍生的成果，例如训练所得的模型、标注或汇总统计。' +
    '前述分发仅限于无法从衍生成果中重建数据的情形，且分发条件对数据提供方的保护不得低于本协议。' +
    '本用途不允许再分发数据本身。',
};

const ZH_STANDARD: readonly ClauseWords[] = [
  {
    key: 'security',
    title: '安全保障',
    text:
      '数据接收方应将数据存放于受访问控制的环境中，在传输和存储时均予加密，且仅向为实现允许用途确需接触数据的指定人员开放访问。' +
      '数据接收方应记录对数据的每一次访问。' +
      '发生影响数据的安全事件时，数据接收方应及时通知数据提供方，不得无故拖延，并配合数据提供方控制事件影响。',
  },
  {
    key: 'personal-data',
    title: '个人信息保护',
    text:
      '数据包含个人信息（例如采集期间在场人员的图像或声音）的，各方应遵守适用的个人信息保护法律法规，包括《中华人民共和国个人信息保护法》。' +
      '数据接收方仅可为允许用途处理该等信息，不得试图识别任何个人，亦不得将数据与可能据以识别个人的其他数据相结合。',
  },
  {
    key: 'publications',
    title: '发表成果',
    text:
      '基于数据的发表成果应注明数据提供方及所使用的数据集。' +
      '发表内容可包括结果、图表和汇总统计，但不得包括数据本身，亦不得包括可识别个人身份的任何图像或录音录像。' +
      '授权条件有要求的，数据接收方应在其载明的期限内向数据提供方报告每一项发表成果。',
  },
  {
    key: 'term-and-termination',
    title: '期限与终止',
    text:
      '本协议自各方均已签署且起始日期届至时生效，至终止日期时终止。' +
      '数据提供方有合理理由认为本协议被违反的，可立即暂停访问；重大违约在收到通知后三十日内未予纠正的，数据提供方可解除本协议。' +
      '本协议终止时，访问权限随即终止，数据接收方应按授权条件的要求删除数据，并书面证明已完成删除。' +
      '关于安全保障、个人信息保护、发表成果、责任及法律适用与争议解决的条款，在本协议终止后继续有效。',
  },
  {
    key: 'liability',
    title: '责任',
    text:
      '数据按现状提供，数据提供方不对其准确性、完整性或对特定用途的适用性作任何保证。' +
      '各方对其自身违反本协议的行为承担责任。' +
      '任何一方均不对间接损失或后果性损失承担责任，但因故意或重大过失，或因违反授权条件中的禁止事项、“安全保障”条款或“个人信息保护”条款造成的损失除外。',
  },
  {
    key: 'governing-law',
    title: '法律适用与争议解决',
    text:
      '本协议适用中华人民共和国法律。' +
      '因本协议引起的或与本协议有关的任何争议，各方应首先通过友好协商解决。' +
      '争议发生之日起三十日内协商不成的，任何一方均可将争议提交各方约定的中华人民共和国境内的仲裁机构，按照申请仲裁时该机构现行有效的仲裁规则进行仲裁；仲裁裁决是终局的，对各方均有约束力。',
  },
];

export const CLAUSE_TEXTS: Record<ContractLanguage, ClauseTexts> = {
  'zh-CN': {
    grant: {
      key: 'grant',
      title: '授权使用',
      text:
        '各数据提供方授予数据接收方一项非独占、不可转让且可撤销的权利，使其可在授权条件载明的期限内，仅为下文所述用途，并在遵守授权条件中的禁止事项、义务及不提供的模态的前提下，访问和使用该数据提供方的数据。' +
        '未经明确许可的任何使用均予禁止。' +
        '数据的所有权以及本协议未授予的一切权利，仍归数据提供方所有。',
    },
    purposeTitle: (label) => `用途：${label}`,
    purposes: ZH_PURPOSES,
    standard: ZH_STANDARD,
  },
  en: {
    grant: {
      key: 'grant',
      title: 'Grant of access',
      text:
        'Each Provider grants the Recipient a non-exclusive, non-transferable and revocable right to access and use its Data during the period stated in the Terms, ' +
        'solely for the purposes described below and subject to the prohibitions, duties and excluded modalities in the Terms. ' +
        'Any use not expressly permitted is prohibited. Ownership of the Data, and all rights not granted, remain with the Providers.',
    },
    purposeTitle: (label) => `Purpose: ${label.charAt(0).toUpperCase()}${label.slice(1)}`,
    purposes: EN_PURPOSES,
    standard: EN_STANDARD,
  },
};
