import { SheetGrid } from './cells';
import { Settings } from './settings';
import { SheetMapping } from './templates';

/**
 * Recognises which sheets are templates by their header row (either language, case-, space- and
 * punctuation-insensitive, plus synonyms) and maps their columns. Sheets that are no template are left out.
 * Placeholder: recognises nothing until the templates land.
 */
export function recognizeSheets(_sheets: SheetGrid[], _settings: Settings): SheetMapping[] {
  return [];
}
