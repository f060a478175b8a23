/**
 * An amount in Chinese capital numerals (中文大写金额), as invoices, contracts and ledgers written
 * for Chinese readers state money: 人民币壹万贰仟叁佰肆拾伍元陆角柒分, 人民币壹佰元整. Pure; amounts are
 * integers in minor units (fen), as Tetrad stores them.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** Currencies written with 元, 角 and 分, and the name that opens the amount. */
const CURRENCY_NAMES: Record<string, string> = {
  CNY: '人民币',
  HKD: '港币',
  USD: '美元',
  EUR: '欧元',
};

/** Below 10^16 minor units (10^14 yuan): four groups of four digits. */
const LIMIT = 10_000_000_000_000_000;

export function amountInChineseWords(amountMinorUnits: number, currency: string): string {
  const name = CURRENCY_NAMES[currency];
  if (!name) throw new RangeError(`${currency} is not a currency Tetrad writes in Chinese words.`);
  if (!Number.isSafeInteger(amountMinorUnits) || Math.abs(amountMinorUnits) >= LIMIT) {
    throw new RangeError(
      `${amountMinorUnits} is not a whole number of minor units Tetrad can write in words.`,
    );
  }
  const sign = amountMinorUnits < 0 ? '负' : '';
  const minor = Math.abs(amountMinorUnits);
  const [yuan, jiao, fen] = [Math.floor(minor / 100), Math.floor(minor / 10) % 10, minor % 10];
  if (minor === 0) return `${name}零元整`;
  const whole = yuan > 0 ? `${integerInWords(yuan)}元` : '';
  let fraction: string;
  if (jiao === 0 && fen === 0) fraction = '整';
  else if (fen === 0) fraction = `${DIGITS[jiao]}角`;
  else if (jiao === 0) fraction = `${yuan > 0 ? '零' : ''}${DIGITS[fen]}分`;
  else fraction = `${DIGITS[jiao]}角${DIGITS[fen]}分`;
  return `${name}${sign}${whole}${fraction}`;
}

/** A positive whole number: groups of four digits, one 零 for each run of zeros between digits. */
function integerInWords(value: number): string {
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let words = '';
  let zeroPending = false;
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index]!;
    if (group === 0) {
      zeroPending = words !== '';
      continue;
    }
    if (words !== '' && (zeroPending || group < 1_000)) words += '零';
    words += `${groupInWords(group)}${GROUPS[index]}`;
    zeroPending = false;
  }
  return words;
}

function groupInWords(group: number): string {
  let words = '';
  let zeroPending = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      zeroPending = words !== '';
      continue;
    }
    if (zeroPending) words += '零';
    words += `${DIGITS[digit]}${PLACES[place]}`;
    zeroPending = false;
  }
  return words;
}
