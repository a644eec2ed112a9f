/** One regular-expression pass: every reference and every numeral of a text, counted. */
const RX = /\[\[[^\[\]\r\n]*\]\]|\d[\d.,]*/g;
export function floorPass(text) {
  let n = 0;
  RX.lastIndex = 0;
  while (RX.exec(text) !== null) n++;
  return n;
}
