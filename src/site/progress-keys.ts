/**
 * The key a checklist item's state is saved under in a reader's browser: `<checklist id>/<item id>`.
 * Declared here, with no imports, so that the maps (learning-maps.ts), the checklists and the scripts
 * that run in the browser (progress-store.ts) share it without carrying the site model into the browser.
 */
export const progressKey = (checklistId: string, itemId: string): string => `${checklistId}/${itemId}`;
