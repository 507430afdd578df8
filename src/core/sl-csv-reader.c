/* sl-csv-reader.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-csv-reader.h"

/* How much is pulled from the stream at a time. Fuzzing builds make it
 * a few bytes, to reach the code for things split across chunks. */
#ifndef CHUNK_SIZE
# define CHUNK_SIZE (64 * 1024)
#endif
/* The first chunk must hold a byte order mark. */
G_STATIC_ASSERT (CHUNK_SIZE >= 3);

/* What one byte of UTF-8 text means to the scanner. Two tables are
 * kept: outside quotes the quote is text (ab"c stays as it is), inside
 * quotes the delimiter is. */
typedef enum
{
  CLASS_TEXT,
  CLASS_DELIMITER,
  CLASS_QUOTE,
  CLASS_BREAK,    /* CR or LF */
  CLASS_CONTROL,  /* NUL and C0 controls other than tab, CR and LF */
} ByteClass;

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_SEEN,  /* a quote in a quoted field: its end, or half of "" */
} ScanState;

typedef enum
{
  SCAN_MORE,    /* the text ran out inside a record */
  SCAN_RECORD,  /* a record is complete */
  SCAN_ERROR,
} ScanResult;

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  char         *out;
} Cursor;

struct _SlCsvReader
{
  GObject        parent_instance;

  GInputStream  *stream;
  char          *name;
  SlCsvEncoding  encoding;
  char           delimiter;
  guint8         plain_classes[256];
  guint8         quoted_classes[256];

  /* Bytes from the stream not yet decoded (UTF-16 and Windows-1252:
   * an odd byte or half a surrogate pair wait for the next chunk). */
  guint8        *raw;
  gsize          raw_len;

  /* UTF-8 text not yet scanned. */
  guint8        *text;
  gsize          text_pos;
  gsize          text_len;
  gsize          text_size;

  /* The current record: its fields one after another, each followed
   * by a NUL, fields[] their offsets. */
  char          *record;
  gsize          record_len;
  gsize          record_size;
  guint         *fields;
  guint          n_fields;
  guint          fields_size;
  guint8         high;  /* bytes of the record OR-ed: 0x80 set if not ASCII */

  ScanState      state;
  guint64        line;         /* where the scanner is */
  guint64        record_line;  /* where the current record starts */
  guint64        quote_line;   /* where the open quoted field starts */
  guint64        bytes_read;
  guint64        n_records;

  /* The first record's fields, stripped, when it is a header: errors
   * name a column by them. */
  GStrv          header;

  guint          started : 1;
  guint          has_header : 1;
  guint          eof : 1;           /* the stream has no more bytes */
  guint          decode_failed : 1; /* text stops at an invalid sequence */
  guint          pending_lf : 1;    /* a CR ended the text: skip an LF after it */

  GError        *error;  /* once set, every call fails with it */
};

G_DEFINE_FINAL_TYPE (SlCsvReader, sl_csv_reader, G_TYPE_OBJECT)
G_DEFINE_QUARK (sl-csv-error-quark, sl_csv_error)

/* Windows-1252 bytes 0x80–0x9F; 0 marks the five it leaves undefined
 * (as glibc's WINDOWS-1252 does). The others equal Latin-1. */
static const guint16 cp1252_high[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static const struct
{
  const char    *name;
  SlCsvEncoding  encoding;
} encoding_names[] = {
  /* The first name of each encoding is the one to_string() gives. */
  { "auto", SL_CSV_ENCODING_AUTO },
  { "utf-8", SL_CSV_ENCODING_UTF8 },
  { "utf-16le", SL_CSV_ENCODING_UTF16LE },
  { "utf-16be", SL_CSV_ENCODING_UTF16BE },
  { "windows-1252", SL_CSV_ENCODING_WINDOWS_1252 },
  { "utf8", SL_CSV_ENCODING_UTF8 },
  { "utf16le", SL_CSV_ENCODING_UTF16LE },
  { "utf16be", SL_CSV_ENCODING_UTF16BE },
  { "cp1252", SL_CSV_ENCODING_WINDOWS_1252 },
};

static void
build_classes (SlCsvReader *self)
{
  for (guint c = 0; c < 256; c++)
    {
      guint8 klass = CLASS_TEXT;

      if (c == '\r' || c == '\n')
        klass = CLASS_BREAK;
      else if (c < 0x20 && c != '\t')
        klass = CLASS_CONTROL;
      self->plain_classes[c] = klass;
      self->quoted_classes[c] = klass;
    }

  if (self->delimiter == SL_CSV_DELIMITER_WHITESPACE)
    {
      self->plain_classes[' '] = CLASS_DELIMITER;
      self->plain_classes['\t'] = CLASS_DELIMITER;
      return;
    }
  self->plain_classes[(guint8)self->delimiter] = CLASS_DELIMITER;
  self->quoted_classes['"'] = CLASS_QUOTE;
}

static const char *
encoding_display_name (SlCsvEncoding encoding)
{
  switch (encoding)
    {
    case SL_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case SL_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case SL_CSV_ENCODING_WINDOWS_1252:
      return "Windows-1252";
    case SL_CSV_ENCODING_AUTO:
    case SL_CSV_ENCODING_UTF8:
    default:
      return "UTF-8";
    }
}

/* How errors name a column: its header, if the file has one and it is
 * not blank (at most HEADER_CHARS characters of it), else NULL and the
 * 1-based position. */
#define HEADER_CHARS 40

static char *
column_header (SlCsvReader *self,
               guint        column)
{
  const char *name;
  const char *cut;

  if (self->header == NULL || column >= g_strv_length (self->header))
    return NULL;
  name = self->header[column];
  if (*name == '\0')
    return NULL;
  if (g_utf8_strlen (name, -1) <= HEADER_CHARS)
    return g_strdup (name);
  cut = g_utf8_offset_to_pointer (name, HEADER_CHARS - 1);
  return g_strdup_printf ("%.*s…", (int)(cut - name), name);
}

static void
set_encoding_error (SlCsvReader  *self,
                    guint64       line,
                    guint         column,
                    GError      **error)
{
  g_autofree char *header = column_header (self, column);
  const char *encoding = encoding_display_name (self->encoding);

  if (header != NULL)
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING,
                 /* Translators: a file name, a line number, a column's
                  * header, then an encoding such as UTF-8 or Windows-1252 */
                 _("%s:%llu: column “%s”: the text is not valid %s; choose the file’s encoding"),
                 self->name, (unsigned long long)line, header, encoding);
  else
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING,
                 /* Translators: a file name, a line number, a column's
                  * position (1 for the first), then an encoding such as
                  * UTF-8 or Windows-1252 */
                 _("%s:%llu: column %u: the text is not valid %s; choose the file’s encoding"),
                 self->name, (unsigned long long)line, column + 1, encoding);
}

static void
set_nul_error (SlCsvReader  *self,
               guint64       line,
               guint         column,
               GError      **error)
{
  g_autofree char *header = column_header (self, column);

  if (header != NULL)
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_BINARY,
                 /* Translators: a file name, a line number, then a
                  * column's header */
                 _("%s:%llu: column “%s”: contains binary data (NUL byte) — is this a CSV file?"),
                 self->name, (unsigned long long)line, header);
  else
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_BINARY,
                 /* Translators: a file name, a line number, then a
                  * column's position (1 for the first) */
                 _("%s:%llu: column %u: contains binary data (NUL byte) — is this a CSV file?"),
                 self->name, (unsigned long long)line, column + 1);
}

static void
set_binary_error (SlCsvReader  *self,
                  guint64       line,
                  guint         column,
                  guint8        byte,
                  GError      **error)
{
  g_autofree char *header = NULL;

  if (byte == 0)
    {
      set_nul_error (self, line, column, error);
      return;
    }
  header = column_header (self, column);
  if (header != NULL)
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_BINARY,
                 /* Translators: a file name, a line number, a column's
                  * header, then a byte in hexadecimal (1B) */
                 _("%s:%llu: column “%s”: contains binary data (control character 0x%02X) — is this a CSV file?"),
                 self->name, (unsigned long long)line, header, (guint)byte);
  else
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_BINARY,
                 /* Translators: a file name, a line number, a column's
                  * position (1 for the first), then a byte in
                  * hexadecimal (1B) */
                 _("%s:%llu: column %u: contains binary data (control character 0x%02X) — is this a CSV file?"),
                 self->name, (unsigned long long)line, column + 1, (guint)byte);
}

static void
set_bad_quote_error (SlCsvReader  *self,
                     guint         column,
                     GError      **error)
{
  g_autofree char *header = column_header (self, column);

  if (header != NULL)
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_BAD_QUOTE,
                 /* Translators: a file name, a line number, then a column's
                  * header. "" is how a quote is written inside a quoted
                  * field; keep it as is */
                 _("%s:%llu: column “%s”: text follows the closing quote of the field (write a quote inside quotes as \"\")"),
                 self->name, (unsigned long long)self->line, header);
  else
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_BAD_QUOTE,
                 /* Translators: a file name, a line number, then a column's
                  * position (1 for the first). "" is how a quote is written
                  * inside a quoted field; keep it as is */
                 _("%s:%llu: column %u: text follows the closing quote of the field (write a quote inside quotes as \"\")"),
                 self->name, (unsigned long long)self->line, column + 1);
}

/* The line is where the quoted field starts, not the end of the file. */
static void
set_unterminated_quote_error (SlCsvReader  *self,
                              guint         column,
                              GError      **error)
{
  g_autofree char *header = column_header (self, column);

  if (header != NULL)
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_UNTERMINATED_QUOTE,
                 /* Translators: a file name, a line number, then a column's header */
                 _("%s:%llu: column “%s”: a quoted field starts here and is never closed"),
                 self->name, (unsigned long long)self->quote_line, header);
  else
    g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_UNTERMINATED_QUOTE,
                 /* Translators: a file name, a line number, then a column's
                  * position (1 for the first) */
                 _("%s:%llu: column %u: a quoted field starts here and is never closed"),
                 self->name, (unsigned long long)self->quote_line, column + 1);
}

static void
set_io_error (SlCsvReader  *self,
              GError       *io_error,
              GError      **error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, io_error);
      return;
    }
  g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_IO,
               /* Translators: a file name, then the system's reason */
               _("%s: cannot read the file: %s"), self->name, io_error->message);
  g_error_free (io_error);
}

/* Decoding: stream bytes to UTF-8 text. */

static void
ensure_text_room (SlCsvReader *self,
                  gsize        room)
{
  if (self->text_len + room <= self->text_size)
    return;
  self->text_size = MAX (self->text_size * 2, self->text_len + room);
  self->text = g_realloc (self->text, self->text_size);
}

static inline guint8 *
put_utf8 (guint8   *out,
          gunichar  c)
{
  if (c < 0x80)
    *out++ = (guint8)c;
  else
    out += g_unichar_to_utf8 (c, (char *)out);
  return out;
}

static inline gunichar
utf16_unit (const guint8 *in,
            gboolean      be)
{
  return be ? (gunichar)(in[0] << 8 | in[1]) : (gunichar)(in[0] | in[1] << 8);
}

/* Decodes UTF-16 from @in. Returns how many bytes were used: an odd
 * byte or a high surrogate at the end waits for the next chunk unless
 * @eof. An unpaired surrogate, or a truncated unit at the end, stops it
 * and sets decode_failed. */
static gsize
decode_utf16 (SlCsvReader  *self,
              const guint8 *in,
              gsize         len,
              gboolean      eof)
{
  gboolean be = self->encoding == SL_CSV_ENCODING_UTF16BE;
  guint8 *out = self->text + self->text_len;
  gboolean incomplete = FALSE;
  gsize i = 0;

  while (i < len)
    {
      gunichar c, low;

      if (i + 2 > len)
        {
          incomplete = TRUE;
          break;
        }
      c = utf16_unit (in + i, be);
      if (c >= 0xD800 && c < 0xDC00)
        {
          if (i + 4 > len)
            {
              incomplete = TRUE;
              break;
            }
          low = utf16_unit (in + i + 2, be);
          if (low < 0xDC00 || low >= 0xE000)
            break;
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          i += 2;
        }
      else if (c >= 0xDC00 && c < 0xE000)
        {
          break;
        }
      out = put_utf8 (out, c);
      i += 2;
    }

  self->text_len = out - self->text;
  if (i < len && (!incomplete || eof))
    self->decode_failed = TRUE;
  return i;
}

static gsize
decode_cp1252 (SlCsvReader  *self,
               const guint8 *in,
               gsize         len)
{
  guint8 *out = self->text + self->text_len;
  gsize i;

  for (i = 0; i < len; i++)
    {
      gunichar c = in[i];

      if (c >= 0x80 && c < 0xA0)
        {
          c = cp1252_high[c - 0x80];
          if (c == 0)
            {
              self->decode_failed = TRUE;
              break;
            }
        }
      out = put_utf8 (out, c);
    }

  self->text_len = out - self->text;
  return i;
}

/* Decodes self->raw into self->text, keeping what cannot be decoded yet. */
static void
decode_raw (SlCsvReader *self)
{
  gsize used;

  /* UTF-8 needs at most 3 bytes for a Windows-1252 byte, 3 for a UTF-16
   * unit and 4 for a pair. */
  ensure_text_room (self, self->raw_len * 3);
  if (self->encoding == SL_CSV_ENCODING_WINDOWS_1252)
    used = decode_cp1252 (self, self->raw, self->raw_len);
  else
    used = decode_utf16 (self, self->raw, self->raw_len, self->eof);

  memmove (self->raw, self->raw + used, self->raw_len - used);
  self->raw_len -= used;
}

/* Reads up to CHUNK_SIZE bytes into @buffer; a short count means the
 * end of the stream. */
static gboolean
read_chunk (SlCsvReader   *self,
            guint8        *buffer,
            gsize         *n_read,
            GCancellable  *cancellable,
            GError       **error)
{
  GError *local_error = NULL;

  *n_read = 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!g_input_stream_read_all (self->stream, buffer, CHUNK_SIZE, n_read,
                                cancellable, &local_error))
    {
      set_io_error (self, local_error, error);
      return FALSE;
    }
  self->bytes_read += *n_read;
  if (*n_read < CHUNK_SIZE)
    self->eof = TRUE;
  return TRUE;
}

/* Reads one chunk and appends its text to self->text. */
static gboolean
fill_chunk (SlCsvReader   *self,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize n;

  if (self->encoding == SL_CSV_ENCODING_UTF8)
    {
      ensure_text_room (self, CHUNK_SIZE);
      if (!read_chunk (self, self->text + self->text_len, &n, cancellable, error))
        return FALSE;
      self->text_len += n;
      return TRUE;
    }

  if (!read_chunk (self, self->raw + self->raw_len, &n, cancellable, error))
    return FALSE;
  self->raw_len += n;
  decode_raw (self);
  return TRUE;
}

/* Drops the text scanned and appends more: on return there is new
 * text, or the stream or the decoding has ended. */
static gboolean
fill (SlCsvReader   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  gsize before;

  memmove (self->text, self->text + self->text_pos, self->text_len - self->text_pos);
  self->text_len -= self->text_pos;
  self->text_pos = 0;
  before = self->text_len;

  /* A chunk may hold nothing but half a surrogate pair. */
  while (self->text_len == before && !self->eof && !self->decode_failed)
    {
      if (!fill_chunk (self, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* The start: byte order mark and delimiter. */

static void
sniff_encoding (SlCsvReader *self)
{
  const guint8 *raw = self->raw;

  if (self->encoding != SL_CSV_ENCODING_AUTO)
    return;

  if (self->raw_len >= 2 && raw[0] == 0xFF && raw[1] == 0xFE)
    self->encoding = SL_CSV_ENCODING_UTF16LE;
  else if (self->raw_len >= 2 && raw[0] == 0xFE && raw[1] == 0xFF)
    self->encoding = SL_CSV_ENCODING_UTF16BE;
  else
    self->encoding = SL_CSV_ENCODING_UTF8;
}

/* Reads the first chunk, settles the encoding and drops a byte order
 * mark (decoded, it is U+FEFF: EF BB BF). */
static gboolean
read_first_chunk (SlCsvReader   *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gsize n;

  if (!read_chunk (self, self->raw, &n, cancellable, error))
    return FALSE;
  self->raw_len = n;
  sniff_encoding (self);

  if (self->encoding == SL_CSV_ENCODING_UTF8)
    {
      ensure_text_room (self, n);
      memcpy (self->text, self->raw, n);
      self->text_len = n;
      self->raw_len = 0;
    }
  else
    {
      decode_raw (self);
    }

  if (self->text_len >= 3 && memcmp (self->text, "\xEF\xBB\xBF", 3) == 0)
    self->text_pos = 3;
  return TRUE;
}

/* Counts delimiter candidates on the first non-blank line, outside
 * quotes. Returns FALSE if that line does not end in the text yet. */
static gboolean
count_candidates (SlCsvReader *self,
                  guint        counts[3])
{
  const guint8 *p = self->text + self->text_pos;
  const guint8 *end = self->text + self->text_len;
  gboolean quoted = FALSE;

  while (p < end && (*p == '\r' || *p == '\n'))
    p++;
  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\r' || *p == '\n')
        return TRUE;
      else if (*p == ',')
        counts[0]++;
      else if (*p == ';')
        counts[1]++;
      else if (*p == '\t')
        counts[2]++;
    }
  return FALSE;
}

/* Picks the most frequent of , ; and tab on the first record (ties go
 * in that order); with none of them the file has one column. */
static gboolean
detect_delimiter (SlCsvReader   *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const char candidates[3] = { ',', ';', '\t' };
  guint counts[3];
  guint best = 0;

  for (;;)
    {
      memset (counts, 0, sizeof counts);
      if (count_candidates (self, counts) || self->eof || self->decode_failed ||
          self->text_len - self->text_pos > SL_CSV_MAX_RECORD)
        break;
      if (!fill (self, cancellable, error))
        return FALSE;
    }

  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    {
      if (counts[i] > counts[best])
        best = i;
    }
  self->delimiter = candidates[best];
  return TRUE;
}

static gboolean
start (SlCsvReader   *self,
       GCancellable  *cancellable,
       GError       **error)
{
  self->started = TRUE;
  if (!read_first_chunk (self, cancellable, error))
    return FALSE;

  if (self->delimiter == SL_CSV_DELIMITER_DETECT &&
      !detect_delimiter (self, cancellable, error))
    return FALSE;

  build_classes (self);
  return TRUE;
}

/* Scanning: text to records. */

static void
ensure_record_room (SlCsvReader *self,
                    gsize        room)
{
  if (self->record_len + room <= self->record_size)
    return;
  self->record_size = MAX (self->record_size * 2, self->record_len + room);
  self->record = g_realloc (self->record, self->record_size);
}

static void
reset_record (SlCsvReader *self)
{
  self->record_len = 0;
  self->high = 0;
  self->state = STATE_FIELD_START;
  self->record_line = self->line;
  if (self->delimiter == SL_CSV_DELIMITER_WHITESPACE)
    {
      self->n_fields = 0;
    }
  else
    {
      self->n_fields = 1;
      self->fields[0] = 0;
    }
}

static inline void
push_field (SlCsvReader *self,
            const char  *out)
{
  if (self->n_fields == self->fields_size)
    {
      self->fields_size *= 2;
      self->fields = g_renew (guint, self->fields, self->fields_size);
    }
  self->fields[self->n_fields++] = out - self->record;
}

/* The 0-based column of the byte the scanner is at: the last field
 * pushed, or in whitespace mode between fields, the next one. */
static guint
current_column (SlCsvReader *self)
{
  if (self->delimiter == SL_CSV_DELIMITER_WHITESPACE && self->state == STATE_FIELD_START)
    return self->n_fields;
  return self->n_fields - 1;
}

/* Every input byte gives at most one byte of record, plus one NUL to
 * end the last field at the end of the file. */
static void
cursor_begin (SlCsvReader *self,
              Cursor      *c)
{
  ensure_record_room (self, self->text_len - self->text_pos + 1);
  c->p = self->text + self->text_pos;
  c->end = self->text + self->text_len;
  c->out = self->record + self->record_len;

  if (self->pending_lf && c->p < c->end)
    {
      self->pending_lf = FALSE;
      if (*c->p == '\n')
        {
          if (self->state == STATE_QUOTED)
            *c->out++ = '\n';
          c->p++;
        }
    }
}

static void
cursor_end (SlCsvReader *self,
            Cursor      *c)
{
  self->text_pos = c->p - self->text;
  self->record_len = c->out - self->record;
}

/* Copies bytes of class CLASS_TEXT in @classes. */
static inline void
copy_text (SlCsvReader  *self,
           Cursor       *c,
           const guint8 *classes)
{
  const guint8 *p = c->p;
  const guint8 *end = c->end;
  char *out = c->out;
  guint8 high = 0;

  while (p < end && classes[*p] == CLASS_TEXT)
    {
      high |= *p;
      *out++ = (char)*p++;
    }
  self->high |= high;
  c->p = p;
  c->out = out;
}

/* Counts the line break @byte just read. A CR followed by an LF is one
 * break; with @keep (inside quotes) both bytes stay in the field. */
static inline void
count_break (SlCsvReader *self,
             Cursor      *c,
             guint8       byte,
             gboolean     keep)
{
  self->line++;
  if (keep)
    *c->out++ = (char)byte;
  if (byte != '\r')
    return;
  if (c->p == c->end)
    {
      self->pending_lf = TRUE;
      return;
    }
  if (*c->p == '\n')
    {
      if (keep)
        *c->out++ = '\n';
      c->p++;
    }
}

static ScanResult
scan_field_start (SlCsvReader *self,
                  Cursor      *c)
{
  guint8 byte = *c->p;

  if (byte == '"')
    {
      c->p++;
      self->state = STATE_QUOTED;
      self->quote_line = self->line;
      return SCAN_MORE;
    }
  if (self->plain_classes[byte] == CLASS_BREAK && self->n_fields == 1)
    {
      /* A blank line. */
      c->p++;
      count_break (self, c, byte, FALSE);
      self->record_line = self->line;
      return SCAN_MORE;
    }
  self->state = STATE_UNQUOTED;
  return SCAN_MORE;
}

/* Handles the byte after a field: a delimiter, a line break or a
 * control byte. */
static ScanResult
end_field (SlCsvReader  *self,
           Cursor       *c,
           GError      **error)
{
  guint8 byte = *c->p++;

  switch (self->plain_classes[byte])
    {
    case CLASS_DELIMITER:
      /* In whitespace mode, the next field starts at its first byte
       * (scan_blanks()), not at the blank. */
      *c->out++ = '\0';
      if (self->delimiter != SL_CSV_DELIMITER_WHITESPACE)
        push_field (self, c->out);
      self->state = STATE_FIELD_START;
      return SCAN_MORE;
    case CLASS_BREAK:
      *c->out++ = '\0';
      count_break (self, c, byte, FALSE);
      self->state = STATE_FIELD_START;
      return SCAN_RECORD;
    default:
      set_binary_error (self, self->line, current_column (self), byte, error);
      return SCAN_ERROR;
    }
}

static ScanResult
scan_unquoted (SlCsvReader  *self,
               Cursor       *c,
               GError      **error)
{
  copy_text (self, c, self->plain_classes);
  if (c->p == c->end)
    return SCAN_MORE;
  return end_field (self, c, error);
}

static ScanResult
scan_quoted (SlCsvReader  *self,
             Cursor       *c,
             GError      **error)
{
  guint8 byte;

  copy_text (self, c, self->quoted_classes);
  if (c->p == c->end)
    return SCAN_MORE;

  byte = *c->p++;
  switch (self->quoted_classes[byte])
    {
    case CLASS_QUOTE:
      self->state = STATE_QUOTE_SEEN;
      return SCAN_MORE;
    case CLASS_BREAK:
      count_break (self, c, byte, TRUE);
      return SCAN_MORE;
    default:
      set_binary_error (self, self->line, current_column (self), byte, error);
      return SCAN_ERROR;
    }
}

static ScanResult
scan_quote_seen (SlCsvReader  *self,
                 Cursor       *c,
                 GError      **error)
{
  guint8 byte = *c->p;

  if (byte == '"')
    {
      c->p++;
      *c->out++ = '"';
      self->state = STATE_QUOTED;
      return SCAN_MORE;
    }
  if (self->plain_classes[byte] != CLASS_TEXT)
    return end_field (self, c, error);

  set_bad_quote_error (self, current_column (self), error);
  return SCAN_ERROR;
}

static ScanResult
scan_csv (SlCsvReader  *self,
          GError      **error)
{
  ScanResult result = SCAN_MORE;
  Cursor c;

  cursor_begin (self, &c);
  while (c.p < c.end && result == SCAN_MORE)
    {
      switch (self->state)
        {
        case STATE_FIELD_START:
          result = scan_field_start (self, &c);
          break;
        case STATE_UNQUOTED:
          result = scan_unquoted (self, &c, error);
          break;
        case STATE_QUOTED:
          result = scan_quoted (self, &c, error);
          break;
        case STATE_QUOTE_SEEN:
          result = scan_quote_seen (self, &c, error);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cursor_end (self, &c);
  return result;
}

/* Between fields of a whitespace-separated record: skips blanks, ends
 * the record at a line break, starts the next field at text. */
static ScanResult
scan_blanks (SlCsvReader  *self,
             Cursor       *c,
             GError      **error)
{
  guint8 byte;

  while (c->p < c->end && self->plain_classes[*c->p] == CLASS_DELIMITER)
    c->p++;
  if (c->p == c->end)
    return SCAN_MORE;

  byte = *c->p;
  switch (self->plain_classes[byte])
    {
    case CLASS_TEXT:
      push_field (self, c->out);
      self->state = STATE_UNQUOTED;
      return SCAN_MORE;
    case CLASS_BREAK:
      c->p++;
      count_break (self, c, byte, FALSE);
      if (self->n_fields > 0)
        return SCAN_RECORD;
      self->record_line = self->line;
      return SCAN_MORE;
    default:
      set_binary_error (self, self->line, current_column (self), byte, error);
      return SCAN_ERROR;
    }
}

static ScanResult
scan_whitespace (SlCsvReader  *self,
                 GError      **error)
{
  ScanResult result = SCAN_MORE;
  Cursor c;

  cursor_begin (self, &c);
  while (c.p < c.end && result == SCAN_MORE)
    {
      if (self->state == STATE_FIELD_START)
        result = scan_blanks (self, &c, error);
      else
        result = scan_unquoted (self, &c, error);
    }
  cursor_end (self, &c);
  return result;
}

/* At the end of the text: the last record, if the file does not end
 * with a line break. */
static ScanResult
finish_text (SlCsvReader  *self,
             GError      **error)
{
  gboolean whitespace = self->delimiter == SL_CSV_DELIMITER_WHITESPACE;

  if (self->decode_failed)
    {
      set_encoding_error (self, self->line, current_column (self), error);
      return SCAN_ERROR;
    }
  if (self->state == STATE_QUOTED)
    {
      set_unterminated_quote_error (self, current_column (self), error);
      return SCAN_ERROR;
    }
  if (self->state == STATE_FIELD_START &&
      self->n_fields == (whitespace ? 0 : 1))
    return SCAN_MORE;

  if (self->state != STATE_FIELD_START || !whitespace)
    self->record[self->record_len++] = '\0';
  self->state = STATE_FIELD_START;
  return SCAN_RECORD;
}

/* The line of byte @offset of the record, counting the line breaks of
 * quoted fields before it. */
static guint64
line_at_offset (SlCsvReader *self,
                gsize        offset)
{
  guint64 line = self->record_line;

  for (gsize i = 0; i < offset; i++)
    {
      if (self->record[i] == '\r' ||
          (self->record[i] == '\n' && (i == 0 || self->record[i - 1] != '\r')))
        line++;
    }
  return line;
}

static void
set_too_long_error (SlCsvReader  *self,
                    GError      **error)
{
  g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_TOO_LONG,
               /* Translators: a file name, a line number, then a size in MiB */
               _("%s:%llu: a record is longer than %u MiB — is this a CSV file?"),
               self->name, (unsigned long long)self->record_line,
               (guint)(SL_CSV_MAX_RECORD / (1024 * 1024)));
}

/* A record's length is that of its text as decoded and unquoted, one
 * separator byte between fields: record_len less the last NUL. */
static gboolean
check_record (SlCsvReader  *self,
              GError      **error)
{
  if (self->record_len - 1 > SL_CSV_MAX_RECORD)
    {
      set_too_long_error (self, error);
      return FALSE;
    }
  if ((self->high & 0x80) == 0)
    return TRUE;

  for (guint i = 0; i < self->n_fields; i++)
    {
      const char *field = self->record + self->fields[i];
      const char *bad;

      if (!g_utf8_validate (field, strlen (field), &bad))
        {
          set_encoding_error (self, line_at_offset (self, bad - self->record), i, error);
          return FALSE;
        }
    }
  return TRUE;
}

static ScanResult
scan (SlCsvReader  *self,
      GError      **error)
{
  if (self->delimiter == SL_CSV_DELIMITER_WHITESPACE)
    return scan_whitespace (self, error);
  return scan_csv (self, error);
}

/* Scans until a record is complete, refilling the text as it runs out;
 * the record grows by at most a chunk past SL_CSV_MAX_RECORD. At the
 * end, the line stays that of the last record. */
static gboolean
read_record (SlCsvReader   *self,
             gboolean      *has_record,
             GCancellable  *cancellable,
             GError       **error)
{
  guint64 last_line = self->record_line;
  ScanResult result;

  reset_record (self);
  while ((result = scan (self, error)) == SCAN_MORE)
    {
      if (self->record_len > SL_CSV_MAX_RECORD)
        {
          set_too_long_error (self, error);
          return FALSE;
        }
      if (!fill (self, cancellable, error))
        return FALSE;
      if (self->text_pos == self->text_len)
        {
          result = finish_text (self, error);
          break;
        }
    }

  if (result == SCAN_ERROR)
    return FALSE;
  *has_record = result == SCAN_RECORD;
  if (*has_record)
    return check_record (self, error);

  self->n_fields = 0;
  self->record_line = last_line;
  return TRUE;
}

/* Keeps the header's fields for the errors of the records under it,
 * stripped, line breaks in them made spaces. */
static void
remember_header (SlCsvReader *self)
{
  self->header = g_new0 (char *, self->n_fields + 1);
  for (guint i = 0; i < self->n_fields; i++)
    {
      char *name = g_strdup (self->record + self->fields[i]);

      g_strdelimit (name, "\r\n", ' ');
      self->header[i] = g_strstrip (name);
    }
}

static gboolean
read_next (SlCsvReader   *self,
           gboolean      *has_record,
           GCancellable  *cancellable,
           GError       **error)
{
  if (!self->started && !start (self, cancellable, error))
    return FALSE;
  if (!read_record (self, has_record, cancellable, error))
    return FALSE;

  if (*has_record)
    {
      if (self->n_records++ == 0 && self->has_header)
        remember_header (self);
    }
  else if (self->n_records == 0)
    {
      g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("%s: the file is empty"), self->name);
      return FALSE;
    }
  return TRUE;
}

static void
sl_csv_reader_dispose (GObject *object)
{
  SlCsvReader *self = (SlCsvReader *)object;

  g_clear_object (&self->stream);
  G_OBJECT_CLASS (sl_csv_reader_parent_class)->dispose (object);
}

static void
sl_csv_reader_finalize (GObject *object)
{
  SlCsvReader *self = (SlCsvReader *)object;

  g_free (self->name);
  g_free (self->raw);
  g_free (self->text);
  g_free (self->record);
  g_free (self->fields);
  g_strfreev (self->header);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (sl_csv_reader_parent_class)->finalize (object);
}

static void
sl_csv_reader_class_init (SlCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_csv_reader_dispose;
  object_class->finalize = sl_csv_reader_finalize;
}

static void
sl_csv_reader_init (SlCsvReader *self)
{
  self->line = 1;
  self->raw = g_malloc (CHUNK_SIZE + 4);
  self->text_size = CHUNK_SIZE;
  self->text = g_malloc (self->text_size);
  self->record_size = 4096;
  self->record = g_malloc (self->record_size);
  self->fields_size = 64;
  self->fields = g_new (guint, self->fields_size);
}

SlCsvReader *
sl_csv_reader_new (GInputStream  *stream,
                   const char    *name,
                   SlCsvEncoding  encoding,
                   char           delimiter)
{
  SlCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (encoding <= SL_CSV_ENCODING_WINDOWS_1252, NULL);
  g_return_val_if_fail ((guchar)delimiter < 0x80 && delimiter != '"' &&
                        delimiter != '\r' && delimiter != '\n', NULL);

  self = g_object_new (SL_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->name = g_strdup (name);
  self->encoding = encoding;
  self->delimiter = delimiter;
  return self;
}

/* Errors are final: the reader does not resume after one (not even
 * after a cancellation), and every later call fails with a copy of it. */
gboolean
sl_csv_reader_next (SlCsvReader   *self,
                    gboolean      *has_record,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (has_record != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  *has_record = FALSE;
  if (self->error == NULL && read_next (self, has_record, cancellable, &self->error))
    return TRUE;

  *has_record = FALSE;
  self->n_fields = 0;
  g_propagate_error (error, g_error_copy (self->error));
  return FALSE;
}

void
sl_csv_reader_set_has_header (SlCsvReader *self,
                              gboolean     has_header)
{
  g_return_if_fail (SL_IS_CSV_READER (self));
  g_return_if_fail (!self->started);

  self->has_header = !!has_header;
}

guint
sl_csv_reader_get_n_fields (SlCsvReader *self)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), 0);

  return self->n_fields;
}

const char *
sl_csv_reader_get_field (SlCsvReader *self,
                         guint        index)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), NULL);

  if (index >= self->n_fields)
    return NULL;
  return self->record + self->fields[index];
}

guint64
sl_csv_reader_get_line (SlCsvReader *self)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), 0);

  return self->record_line;
}

guint64
sl_csv_reader_get_bytes_read (SlCsvReader *self)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), 0);

  return self->bytes_read;
}

char
sl_csv_reader_get_delimiter (SlCsvReader *self)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), SL_CSV_DELIMITER_DETECT);

  return self->delimiter;
}

SlCsvEncoding
sl_csv_reader_get_encoding (SlCsvReader *self)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), SL_CSV_ENCODING_AUTO);

  return self->encoding;
}

const char *
sl_csv_reader_get_name (SlCsvReader *self)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), NULL);

  return self->name;
}

const char *
sl_csv_encoding_to_string (SlCsvEncoding encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encoding_names); i++)
    {
      if (encoding_names[i].encoding == encoding)
        return encoding_names[i].name;
    }
  g_return_val_if_reached (NULL);
}

/* Accepts the names above in any case. */
gboolean
sl_csv_encoding_from_string (const char    *text,
                             SlCsvEncoding *out)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (encoding_names); i++)
    {
      if (g_ascii_strcasecmp (text, encoding_names[i].name) == 0)
        {
          *out = encoding_names[i].encoding;
          return TRUE;
        }
    }
  return FALSE;
}

void
sl_csv_append_field (GString    *line,
                     const char *text)
{
  g_return_if_fail (line != NULL);

  if (text == NULL)
    text = "";
  if (line->len > 0)
    g_string_append_c (line, ',');
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}
