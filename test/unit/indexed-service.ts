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
