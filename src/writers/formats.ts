/**
 * The formats guide writes, in the order it writes them (the DOCX takes its page numbers from the
 * PDF layout). Kept apart from the registry so that reading guide.yaml never loads a writer.
 */
export const outputFormats = ['pdf', 'docx', 'html'] as const;

export type OutputFormat = (typeof outputFormats)[number];

/**
 * What an edition writes when guide.yaml's output.formats is left out: the printed formats, as
 * before the HTML page existed; the page is asked for (`--format html`, or output.formats).
 */
export const defaultOutputFormats: readonly OutputFormat[] = ['pdf', 'docx'];
