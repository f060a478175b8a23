import { dataLocales } from '../data/locales';
import { myworkLocales } from '../mywork/locales';
import { contractsLocales } from './locales';

/**
 * One Chinese name per term (issue 18): purposes and duties are named alike in every area, and as
 * the server's contract vocabulary names them in the documents it writes
 * (libs/contract/src/agreement/drafting/contract-vocabulary.ts).
 */
describe('the contract glossary in the web app', () => {
  it('names each purpose alike in the contract and data areas', () => {
    expect(contractsLocales['zh-CN'].purpose).toEqual(dataLocales['zh-CN'].enums.Purpose);
  });

  it('names each duty alike in the contract and my-work areas', () => {
    expect(contractsLocales['zh-CN'].duty).toEqual(myworkLocales['zh-CN'].duty);
  });

  it('uses the names the documents use', () => {
    expect(contractsLocales['zh-CN'].purpose).toMatchObject({
      BENCHMARKING: '基准测评',
      SIM_TO_REAL: '仿真到实机迁移',
      REDISTRIBUTE_DERIVED: '再分发衍生成果',
    });
    expect(contractsLocales['zh-CN'].duty).toMatchObject({
      ATTRIBUTE: '署名引用',
      NOTIFY_BREACH: '通报安全事件',
      DELETE_ON_EXPIRY: '到期删除数据',
      REPORT_PUBLICATIONS: '报告发表成果',
    });
  });
});
