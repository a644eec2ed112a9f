/**
 * The front matter keys of the official document (Nghị định 30/2020/NĐ-CP): all optional, read by
 * `export --format docx` for the header, recipients and signature blocks. Validated with the other
 * front matter keys (parse/document.ts calls {@link documentFieldProblems}); a wrong one is a
 * `front-matter` error on its value, and the export leaves that field's placeholder.
 */
import type { Msg } from '../i18n';

export interface Signer {
  /** "KT. BỘ TRƯỞNG", "TM. ỦY BAN NHÂN DÂN": the authority line, when signing on behalf of. */
  authority?: string;
  /** "THỨ TRƯỞNG", "CHỦ TỊCH". */
  title?: string;
  name?: string;
}

/** The document's header fields, as the front matter gives them. */
export interface DocumentFields {
  /** Tên cơ quan, tổ chức chủ quản trực tiếp (the body above the issuer), if any. */
  issuerParent?: string;
  /** Tên cơ quan, tổ chức ban hành văn bản. */
  issuer?: string;
  /** Số và ký hiệu: "15/BC-BKHCN" (written after "Số: "). */
  number?: string;
  /** Địa danh: "Hà Nội". */
  place?: string;
  /** The document's date (ISO), else the session `date`. */
  issued?: string;
  /** Tên loại văn bản: "BÁO CÁO" by default. */
  docType?: string;
  /** Nơi nhận, one line each. */
  recipients?: string[];
  signer?: Signer;
}

/** The keys, as written in the front matter. */
export const DOCUMENT_KEYS = {
  issuerParent: 'issuer-parent',
  issuer: 'issuer',
  number: 'number',
  place: 'place',
  issued: 'issued',
  docType: 'doc-type',
  recipients: 'recipients',
  signer: 'signer',
} as const;

export interface FieldProblem {
  key: string;
  message: Msg;
}

const isIso = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};

/** Reads the document keys of a front matter's data; each invalid one is a problem and left out. Never throws. */
export function readDocumentFields(data: Record<string, unknown>): { fields: DocumentFields; problems: FieldProblem[] } {
  const fields: DocumentFields = {};
  const problems: FieldProblem[] = [];
  const bad = (key: string, vi: string, en: string) => problems.push({ key, message: { vi: `\`${key}\` ${vi}`, en: `\`${key}\` ${en}` } });
  const text = (key: string): string | undefined => {
    const v = data[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || !v.trim()) {
      bad(key, 'phải là một chuỗi không rỗng.', 'must be a non-empty string.');
      return undefined;
    }
    return v.trim();
  };
  fields.issuerParent = text(DOCUMENT_KEYS.issuerParent);
  fields.issuer = text(DOCUMENT_KEYS.issuer);
  fields.number = text(DOCUMENT_KEYS.number);
  fields.place = text(DOCUMENT_KEYS.place);
  fields.docType = text(DOCUMENT_KEYS.docType);
  const issued = data[DOCUMENT_KEYS.issued];
  if (issued !== undefined && issued !== null) {
    if (typeof issued === 'string' && isIso(issued)) fields.issued = issued;
    else bad(DOCUMENT_KEYS.issued, `phải là ngày ISO hợp lệ (YYYY-MM-DD), không phải "${String(issued)}".`, `must be a valid ISO date (YYYY-MM-DD), not "${String(issued)}".`);
  }
  const recipients = data[DOCUMENT_KEYS.recipients];
  if (recipients !== undefined && recipients !== null) {
    // "- Lưu: VT." unquoted is a one-key mapping to YAML: read back as the line it was.
    const line = (r: unknown): string | null => {
      if (typeof r === 'string' && r.trim()) return r.trim();
      if (r && typeof r === 'object' && !Array.isArray(r) && Object.keys(r).length === 1) {
        const [[k, v]] = Object.entries(r as Record<string, unknown>);
        if (typeof v === 'string' || typeof v === 'number') return `${k}: ${String(v)}`.trim();
      }
      return null;
    };
    const lines = Array.isArray(recipients) ? recipients.map(line) : [];
    if (Array.isArray(recipients) && lines.every((l) => l !== null)) fields.recipients = lines as string[];
    else bad(DOCUMENT_KEYS.recipients, 'phải là một danh sách chuỗi (mỗi nơi nhận một dòng).', 'must be a list of strings (one recipient a line).');
  }
  const signer = data[DOCUMENT_KEYS.signer];
  if (signer !== undefined && signer !== null) {
    const s = signer as Record<string, unknown>;
    const allowed = ['authority', 'title', 'name'];
    if (typeof signer !== 'object' || Array.isArray(signer) || Object.keys(s).some((k) => !allowed.includes(k)) || Object.values(s).some((v) => typeof v !== 'string' || !v.trim())) {
      bad(DOCUMENT_KEYS.signer, 'phải là một bảng với các khóa chuỗi authority, title, name.', 'must be a mapping with string keys authority, title, name.');
    } else {
      fields.signer = {};
      for (const k of allowed as Array<keyof Signer>) if (typeof s[k] === 'string') fields.signer[k] = (s[k] as string).trim();
    }
  }
  for (const k of Object.keys(fields) as Array<keyof DocumentFields>) if (fields[k] === undefined) delete fields[k];
  return { fields, problems };
}

/** The problems of the document keys, for the front matter check. */
export function documentFieldProblems(data: Record<string, unknown>): FieldProblem[] {
  return readDocumentFields(data).problems;
}
