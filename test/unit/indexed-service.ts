/** A LanguageService over in-memory files, its config, catalog and history read (the tests of the keystroke path). */
import { LanguageService, type ServiceOptions } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';

export async function indexedService(files: Record<string, string>, folder: string, options: Partial<ServiceOptions> = {}): Promise<LanguageService> {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'vi', ...options });
  await service.reloadConfig();
  await service.reloadCatalog();
  await service.indexWorkspace();
  return service;
}

/** One session of {@link twoSessionFindings}: its report's date, period and text under "## Kết quả". */
export interface SessionText {
  date: string;
  period: string;
  text: string;
}

/**
 * The findings of rule `code` on session 6's report, with session 5's report indexed before it (the
 * checker's tests of the history across two sessions: a restated figure, a change against the earlier one).
 */
export async function twoSessionFindings(folder: string, earlier: SessionText, later: SessionText, code: string) {
  const head = (session: number, s: SessionText) => ['---', `session: ${session}`, `date: ${s.date}`, `period: "${s.period}"`, `title: Phiên họp thứ ${session}`, '---', ''].join('\n');
  const uri = `${folder}/phien-06.report.md`;
  const files = {
    [`${folder}/phien-05.report.md`]: `${head(5, earlier)}\n## Kết quả\n\n${earlier.text}\n`,
    [uri]: `${head(6, later)}\n## Kết quả\n\n${later.text}\n`,
  };
  const service = await indexedService(files, folder, { lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off' } });
  return service.check(uri, files[uri], 1).filter((f) => f.code === code);
}
