import i18next from 'i18next';
import { startTestI18n } from '../../../test/render';
import { formattersFor } from '../../i18n/format';
import { nextActionLine, nextActionLink, type NextAction, type Viewer } from './next-actions';

const INSTITUTE = 'org-institute';
const sign: NextAction = {
  organizationId: INSTITUTE,
  organizationName: '北京具身智能研究院',
  partyRole: 'RECIPIENT',
  action: 'SIGN',
  roles: ['SIGNATORY'],
  people: ['Wu Gang'],
  version: 2,
  obligationId: null,
  duty: null,
  dueAt: null,
};
const fulfil: NextAction = {
  ...sign,
  action: 'FULFIL_OBLIGATION',
  roles: ['ORG_ADMIN', 'LEGAL'],
  people: ['Qian Jing', 'Sun Li'],
  version: null,
  obligationId: 'o1',
  duty: 'DELETE_ON_EXPIRY',
  dueAt: '2027-03-28T00:00:00.000Z',
};

describe('nextActionLink', () => {
  it.each<[string, NextAction, Viewer, ReturnType<typeof nextActionLink>]>([
    [
      'the signatory of the acting party signs',
      sign,
      { organizationId: INSTITUTE, roles: ['SIGNATORY'] },
      { kind: 'take', to: '#contract-actions' },
    ],
    [
      'legal opens the editor for a draft',
      { ...sign, action: 'EDIT', roles: ['LEGAL'] },
      { organizationId: INSTITUTE, roles: ['LEGAL'] },
      { kind: 'take', to: 'edit' },
    ],
    [
      'an admin meets an obligation',
      fulfil,
      { organizationId: INSTITUTE, roles: ['ORG_ADMIN'] },
      { kind: 'take', to: '#contract-obligations' },
    ],
    [
      'a researcher of the acting party: nothing to do',
      sign,
      { organizationId: INSTITUTE, roles: ['RESEARCHER'] },
      null,
    ],
    [
      'the admin of a party with no signatory assigns one',
      { ...sign, people: [] },
      { organizationId: INSTITUTE, roles: ['ORG_ADMIN'] },
      { kind: 'assign', to: '/people' },
    ],
    [
      'another party: no link',
      sign,
      { organizationId: 'org-jiading', roles: ['SIGNATORY', 'ORG_ADMIN'] },
      null,
    ],
    ['the programme office: no link', sign, { organizationId: null, roles: [] }, null],
  ])('%s', (_case, action, viewer, expected) => {
    expect(nextActionLink(action, viewer)).toEqual(expected);
  });
});

describe('nextActionLine', () => {
  const line = async (language: 'zh-CN' | 'en', action: NextAction, party = true) => {
    await startTestI18n(language);
    return nextActionLine(
      i18next.getFixedT(language, 'contracts'),
      i18next.getFixedT(language),
      formattersFor(language),
      action,
      party,
    );
  };

  it.each<[string, 'zh-CN' | 'en', NextAction, boolean, string]>([
    ['names the signatory', 'zh-CN', sign, true, '等待 北京具身智能研究院 的签署人 Wu Gang 签署第 2 版'],
    ['in English', 'en', sign, true, 'Waiting for Wu Gang (Signatory, 北京具身智能研究院) to sign version 2'],
    [
      'any of two roles, each person, the duty and its date',
      'zh-CN',
      fulfil,
      true,
      '等待 北京具身智能研究院 的机构管理员或法务 Qian Jing、Sun Li 履行“到期删除数据”（2027年3月28日前）',
    ],
    [
      'no names for someone outside the parties',
      'zh-CN',
      sign,
      false,
      '等待 北京具身智能研究院 的签署人签署第 2 版',
    ],
    [
      'says when nobody holds the role',
      'zh-CN',
      { ...sign, people: [] },
      true,
      '北京具身智能研究院 目前没有在职的签署人，无人能签署第 2 版。请该机构的机构管理员在“人员与角色”中指定。',
    ],
  ])('%s', async (_case, language, action, party, expected) => {
    expect(await line(language, action, party)).toBe(expected);
  });
});
