import { amountInChineseWords } from './amount-in-words';

describe('amountInChineseWords', () => {
  it.each<[number, string]>([
    [1_234_567, '人民币壹万贰仟叁佰肆拾伍元陆角柒分'],
    [1_000_000, '人民币壹万元整'],
    [0, '人民币零元整'],
    [1, '人民币壹分'],
    [60, '人民币陆角'],
    [67, '人民币陆角柒分'],
    [1_000, '人民币壹拾元整'],
    [10_507, '人民币壹佰零伍元零柒分'],
    [100_100, '人民币壹仟零壹元整'],
    [10_050_000, '人民币壹拾万零伍佰元整'],
    [20_000_000, '人民币贰拾万元整'],
    [10_000_000_000, '人民币壹亿元整'],
    [10_000_000_500, '人民币壹亿零伍元整'],
    [10_001_000_000, '人民币壹亿零壹万元整'],
    [10_010_000_000, '人民币壹亿零壹拾万元整'],
    [123_456_789_012, '人民币壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分'],
    [-50_000, '人民币负伍佰元整'],
  ])('%i fen reads %s', (minor, words) => {
    expect(amountInChineseWords(minor, 'CNY')).toBe(words);
  });

  it('names other currencies written in yuan, jiao and fen', () => {
    expect(amountInChineseWords(250, 'USD')).toBe('美元贰元伍角');
    expect(amountInChineseWords(100, 'HKD')).toBe('港币壹元整');
  });

  it.each<[number, string]>([
    [1.5, 'CNY'],
    [Number.NaN, 'CNY'],
    [1e16, 'CNY'],
    [100, 'XYZ'],
  ])('refuses %p %s', (minor, currency) => {
    expect(() => amountInChineseWords(minor, currency)).toThrow(RangeError);
  });
});
