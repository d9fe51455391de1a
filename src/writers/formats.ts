/**
 * The formats guide writes, in the order it writes them (the DOCX takes its page numbers from the
 * PDF layout). Kept apart from the registry so that reading guide.yaml never loads a writer.
 */
export const outputFormats = ['pdf', 'docx'] as const;

export type OutputFormat = (typeof outputFormats)[number];
