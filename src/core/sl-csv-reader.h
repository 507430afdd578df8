/* sl-csv-reader.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SL_CSV_ERROR (sl_csv_error_quark ())

typedef enum
{
  SL_CSV_ERROR_EMPTY,              /* no bytes, or nothing but a BOM / blank lines */
  SL_CSV_ERROR_ENCODING,           /* invalid UTF-8/UTF-16/CP1252 for the encoding in use */
  SL_CSV_ERROR_BINARY,             /* NUL bytes or other control characters: not text */
  SL_CSV_ERROR_UNTERMINATED_QUOTE, /* a quoted field runs to the end of the file */
  SL_CSV_ERROR_BAD_QUOTE,          /* text after a closing quote, before the delimiter */
  SL_CSV_ERROR_TOO_LONG,           /* a record longer than SL_CSV_MAX_RECORD bytes */
  SL_CSV_ERROR_IO,
} SlCsvError;

typedef enum
{
  SL_CSV_ENCODING_AUTO,          /* BOM if any (UTF-8, UTF-16 LE/BE), else UTF-8 */
  SL_CSV_ENCODING_UTF8,
  SL_CSV_ENCODING_UTF16LE,
  SL_CSV_ENCODING_UTF16BE,
  SL_CSV_ENCODING_WINDOWS_1252,  /* only when declared: it cannot be detected */
} SlCsvEncoding;

/* Delimiters: ',' ';' '\t', SL_CSV_DELIMITER_DETECT (look at the header
 * line), or SL_CSV_DELIMITER_WHITESPACE (runs of spaces and tabs, leading
 * ones ignored, no quoting: fixed-width exports like CDNOW's). */
#define SL_CSV_DELIMITER_DETECT     '\0'
#define SL_CSV_DELIMITER_WHITESPACE ' '

/* One record may not exceed this many bytes (a 10 MB "line" is refused). */
#define SL_CSV_MAX_RECORD (1024 * 1024)

#define SL_TYPE_CSV_READER (sl_csv_reader_get_type ())
G_DECLARE_FINAL_TYPE (SlCsvReader, sl_csv_reader, SL, CSV_READER, GObject)

GQuark         sl_csv_error_quark            (void);

/* Reads RFC 4180 records from @stream, streaming (memory bounded by the
 * longest record), converting to UTF-8. @name is how errors name the
 * file ("spend.csv:12: …"). Fails only if the stream cannot be read;
 * detection happens on the first call to sl_csv_reader_next(). */
SlCsvReader   *sl_csv_reader_new             (GInputStream  *stream,
                                              const char    *name,
                                              SlCsvEncoding  encoding,
                                              char           delimiter);
/* Whether the first record is a header row; before the first
 * sl_csv_reader_next(). With one, errors in the records under it name
 * a column by its header ("column “spend”"), else by its position
 * ("column 3"). */
void           sl_csv_reader_set_has_header  (SlCsvReader   *self,
                                              gboolean       has_header);
/* Advances to the next record. Returns FALSE on error; at the end of the
 * file returns TRUE with *has_record FALSE. Blank lines are skipped.
 * Errors are SL_CSV_ERROR (or G_IO_ERROR_CANCELLED), their message names
 * the file and line, and the column for ENCODING, BINARY, BAD_QUOTE
 * and UNTERMINATED_QUOTE. */
gboolean       sl_csv_reader_next            (SlCsvReader   *self,
                                              gboolean      *has_record,
                                              GCancellable  *cancellable,
                                              GError       **error);
guint          sl_csv_reader_get_n_fields    (SlCsvReader   *self);
/* The field's text, UTF-8, unquoted; NULL past the last field. Valid
 * until the next call to sl_csv_reader_next(). */
const char    *sl_csv_reader_get_field       (SlCsvReader   *self,
                                              guint          index);
/* The 1-based line on which the current record starts (records with
 * quoted newlines span several lines). */
guint64        sl_csv_reader_get_line        (SlCsvReader   *self);
/* Bytes consumed from the stream so far, for progress. */
guint64        sl_csv_reader_get_bytes_read  (SlCsvReader   *self);
/* What was detected (or given), valid after the first record. */
char           sl_csv_reader_get_delimiter   (SlCsvReader   *self);
SlCsvEncoding  sl_csv_reader_get_encoding    (SlCsvReader   *self);
const char    *sl_csv_reader_get_name        (SlCsvReader   *self);

const char    *sl_csv_encoding_to_string     (SlCsvEncoding  encoding);
gboolean       sl_csv_encoding_from_string   (const char    *text,
                                              SlCsvEncoding *out);

/* Writing, the reader's counterpart: appends @text to @line as one
 * RFC 4180 field, after a comma unless @line is empty; quoted when it
 * holds a comma, a quote or a line end, its quotes doubled. */
void           sl_csv_append_field           (GString       *line,
                                              const char    *text);

G_END_DECLS
