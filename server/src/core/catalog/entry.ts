/**
 * One `indicators:` entry: its required fields checked (an entry missing one is dropped), its
 * optional fields read by the field validators (a broken one is reported and dropped, the entry
 * stays usable).
 */
import { isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Indicator, MeasureType, PeriodKind, RankScope } from './types';
import { INDICATOR_ID_PATTERN, isWebAddress, KNOWN_FIELDS, MEASURE_TYPES, PERIOD_KINDS, RANK_SCOPES, UNIT_CLASSES } from './schema';
import { keyName, type YamlReader } from './yaml-reader';
import { readCompiler, readDenominator, readRange, readTargets } from './fields';

/** Reads one entry; returns undefined (after reporting) when a required field is unusable. */
export function readIndicator(r: YamlReader, map: YAMLMap<Node, Node | null>): Indicator | undefined {
  let ok = true;
  const fields = new Map<string, Node | null>();
  for (const pair of map.items) {
    const key = keyName(pair);
    if (key === undefined) {
      r.report(r.nodeRange(pair.key), 'Field names must be plain strings', 'Tên trường phải là chuỗi');
      continue;
    }
    if (!KNOWN_FIELDS.has(key)) {
      r.report(r.nodeRange(pair.key), `Unknown field \`${key}\``, `Trường không hợp lệ \`${key}\``);
      continue;
    }
    fields.set(key, pair.value);
  }
  const required = (key: string): Node | null | undefined => {
    const node = fields.get(key);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      r.report(node ? r.nodeRange(node) : r.headRange(map), `Missing required field \`${key}\``, `Thiếu trường bắt buộc \`${key}\``);
      ok = false;
      return undefined;
    }
    return node;
  };

  const idNode = required('id');
  const id = idNode ? r.str(idNode, 'id') : undefined;
  if (idNode && id !== undefined && !INDICATOR_ID_PATTERN.test(id)) {
    r.report(r.nodeRange(idNode), `Id \`${id}\` must be kebab-case (a-z, 0-9, -)`, `Id \`${id}\` phải viết dạng kebab-case (a-z, 0-9, -)`);
    ok = false;
  }
  const nameNode = required('name');
  const name = nameNode ? r.str(nameNode, 'name') : undefined;
  const measureNode = required('measure');
  const measure = measureNode ? r.str(measureNode, 'measure') : undefined;
  if (measureNode && measure !== undefined && !MEASURE_TYPES.includes(measure as MeasureType)) {
    r.report(r.nodeRange(measureNode), `Unknown measure \`${measure}\` (one of ${MEASURE_TYPES.join(', ')})`, `Kiểu đo không hợp lệ \`${measure}\``);
    ok = false;
  }
  const unitNode = required('unit');
  const unit = unitNode ? r.str(unitNode, 'unit') : undefined;
  const unitClassNode = required('unitClass');
  const unitClass = unitClassNode ? r.str(unitClassNode, 'unitClass') : undefined;
  if (unitClassNode && unitClass !== undefined && !UNIT_CLASSES.includes(unitClass as Indicator['unitClass'])) {
    r.report(r.nodeRange(unitClassNode), `Unknown unitClass \`${unitClass}\` (one of ${UNIT_CLASSES.join(', ')})`, `Loại đơn vị không hợp lệ \`${unitClass}\``);
    ok = false;
  }
  if (!ok || id === undefined || name === undefined || measure === undefined || unit === undefined || unitClass === undefined) return undefined;

  const ind: Indicator = {
    id,
    name: name.normalize('NFC'),
    aliases: [],
    abbreviations: [],
    measure: measure as MeasureType,
    unit,
    unitClass: unitClass as Indicator['unitClass'],
    description: '',
  };
  // Optional fields: a broken one is reported and dropped; the entry stays usable.
  for (const [key, node] of fields) {
    if (node === null || (isScalar(node) && node.value === null)) continue;
    switch (key) {
      case 'nameEn':
      case 'compiler':
      case 'family':
      case 'denominatorOf':
      case 'description':
      case 'descriptionEn': {
        const v = r.str(node, key);
        if (v !== undefined) ind[key] = v;
        break;
      }
      case 'aliases':
      case 'abbreviations':
      case 'compilerCodes': {
        const v = r.strList(node, key);
        if (v) ind[key] = v.map((s) => s.normalize('NFC'));
        break;
      }
      case 'cumulative':
      case 'revised': {
        if (isScalar(node) && typeof node.value === 'boolean') ind[key] = node.value;
        else r.report(r.nodeRange(node), `\`${key}\` must be true or false`, `\`${key}\` phải là true hoặc false`);
        break;
      }
      case 'range': {
        const v = readRange(r, node);
        if (v) ind.range = v;
        break;
      }
      case 'targets': {
        const v = readTargets(r, node);
        if (v) ind.targets = v;
        break;
      }
      case 'decisions': {
        const v = r.strList(node, key);
        if (v) ind.decisions = v.map((s) => s.normalize('NFC'));
        break;
      }
      case 'sources': {
        if (!isSeq(node)) {
          r.report(r.nodeRange(node), '`sources` must be a list of http(s) addresses', '`sources` phải là danh sách địa chỉ http(s)');
          break;
        }
        const good: string[] = [];
        for (const item of node.items as (Node | null)[]) {
          if (!item) continue;
          const u = r.str(item, key);
          if (u === undefined) continue;
          if (isWebAddress(u)) good.push(u);
          else r.report(r.nodeRange(item), `\`sources\`: ${JSON.stringify(u)} is not an http(s) address`, `\`sources\`: ${JSON.stringify(u)} không phải địa chỉ http(s)`);
        }
        ind.sources = good;
        break;
      }
      case 'publishes': {
        const v = r.strList(node, key);
        if (!v) break;
        const bad = v.filter((k) => !PERIOD_KINDS.includes(k as PeriodKind));
        if (bad.length) r.report(r.nodeRange(node), `Unknown period kind ${bad.map((b) => `\`${b}\``).join(', ')} in \`publishes\` (${PERIOD_KINDS.join(', ')})`, `Loại kỳ không hợp lệ ${bad.map((b) => `\`${b}\``).join(', ')} trong \`publishes\` (${PERIOD_KINDS.join(', ')})`);
        else if (v.length) ind.publishes = v as PeriodKind[];
        break;
      }
      case 'since': {
        const v = r.str(node, key);
        if (v === undefined) break;
        if (/^\d{4}$/.test(v)) ind.since = v;
        else r.report(r.nodeRange(node), `\`since\` must be a year (YYYY), not ${JSON.stringify(v)}`, `\`since\` phải là một năm (YYYY), không phải ${JSON.stringify(v)}`);
        break;
      }
      case 'scope': {
        const v = r.str(node, key);
        if (v === undefined) break;
        if (!RANK_SCOPES.includes(v as RankScope)) r.report(r.nodeRange(node), `Unknown scope \`${v}\` (one of ${RANK_SCOPES.join(', ')})`, `Phạm vi không hợp lệ \`${v}\` (một trong ${RANK_SCOPES.join(', ')})`);
        else if (ind.measure !== 'rank' && ind.measure !== 'index') r.report(r.nodeRange(node), `\`scope\` is for ranks and indices, not a ${ind.measure}`, `\`scope\` chỉ dùng cho thứ hạng và chỉ số, không dùng cho ${ind.measure}`);
        else ind.scope = v as RankScope;
        break;
      }
      case 'compilers': {
        const v = r.readList(node, key, 'A compiler must be a mapping (name, codes, from, until)', 'Mỗi cơ quan biên soạn phải là ánh xạ (name, codes, from, until)', (m) => readCompiler(r, m));
        if (v) ind.compilers = v;
        break;
      }
      case 'denominators': {
        if (ind.measure !== 'rank') {
          r.report(r.nodeRange(node), `\`denominators\` is for ranks, not a ${ind.measure}`, `\`denominators\` chỉ dùng cho thứ hạng, không dùng cho ${ind.measure}`);
          break;
        }
        const v = r.readList(node, key, 'A denominator must be a mapping (period, value)', 'Mỗi mẫu số phải là ánh xạ (period, value)', (m) => readDenominator(r, m));
        if (v) ind.denominators = v;
        break;
      }
    }
  }
  return ind;
}
