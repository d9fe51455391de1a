/**
 * What one build is asked for, resolved once: the date measures are judged on, the letter's
 * date, the formats, the date written into the files and the language. Every stage after this
 * reads these values; none works a default out again.
 */

import { dateToInstant } from '../catalogue/dates.js';
import { asOfDate } from '../catalogue/select.js';
import type { Edition, IsoDate } from '../catalogue/types.js';
import { outputFormats, type OutputFormat } from '../writers/formats.js';
import type { PdfStandard } from '../writers/pdf/index.js';

export interface BuildRequest {
  /** Measures in effect on this date go into the guide. */
  asOf: IsoDate;
  /** The date on a firm's letter (tailored guides). */
  letterDate: IsoDate;
  /** In the order they are written (`outputFormats` order). */
  formats: OutputFormat[];
  /** Written into every file's metadata; with the inputs it fixes the bytes. */
  creationDate: Date;
  /** BCP 47 language of the guide (guide.yaml `locale`). */
  locale: string;
  /** `--pdf-standard` and `--print`, over the theme's `pdf` settings when given. */
  pdf: { standard?: PdfStandard; print?: boolean };
}

/** What a caller may ask for; everything left out takes the edition's defaults. */
export interface RequestOptions {
  asOf?: IsoDate;
  letterDate?: IsoDate;
  formats?: readonly OutputFormat[];
  /** SOURCE_DATE_EPOCH, read by io/clock.ts; else the date the document bears. */
  pinnedDate?: Date;
  /**
   * `edition`: the files bear the edition date; `firm`: a tailored guide bears its letter's
   * date. Either way two builds of the same inputs are byte-identical.
   */
  document?: 'edition' | 'firm';
  pdfStandard?: PdfStandard;
  print?: boolean;
}

export function resolveRequest(edition: Edition, options: RequestOptions = {}): BuildRequest {
  const asOf = asOfDate(edition, options.asOf);
  const letterDate = options.letterDate ?? asOf;
  const wanted = new Set(options.formats ?? edition.output.formats);
  const formats = outputFormats.filter((format) => wanted.has(format));
  const documentDate = options.document === 'firm' ? letterDate : edition.date;
  return {
    asOf,
    letterDate,
    formats,
    creationDate: options.pinnedDate ?? dateToInstant(documentDate),
    locale: edition.locale,
    pdf: {
      ...(options.pdfStandard !== undefined ? { standard: options.pdfStandard } : {}),
      ...(options.print !== undefined ? { print: options.print } : {}),
    },
  };
}
