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

#define CHUNK_SIZE 65536

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,   /* a quote inside a quoted field: "" or the end */
  STATE_WHITESPACE,        /* between fields in whitespace mode */
} State;

struct _SlCsvReader
{
  GObject        parent_instance;

  GInputStream  *base;       /* what we were given */
  GInputStream  *stream;     /* UTF-8 bytes: base, or a converter over it */
  char          *name;
  SlCsvEncoding  encoding;
  char           delimiter;
  gboolean       started;

  char          *chunk;
  gsize          chunk_len;
  gsize          chunk_pos;
  gboolean       eof;
  guint64        bytes_read;

  char          *record;     /* the current record, fields NUL-terminated */
  gsize          record_len;
  gsize          record_cap;
  GArray        *starts;     /* guint: offset of each field in record */
  guint64        line;       /* the line being read */
  guint64        record_line;
  gboolean       after_cr;   /* a CR ended the last line: skip one LF */
};

G_DEFINE_FINAL_TYPE (SlCsvReader, sl_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (sl-csv-error-quark, sl_csv_error)

static const char * const encoding_names[] = { "auto", "utf-8", "utf-16le", "utf-16be", "windows-1252" };

const char *
sl_csv_encoding_to_string (SlCsvEncoding encoding)
{
  g_return_val_if_fail (encoding <= SL_CSV_ENCODING_WINDOWS_1252, NULL);
  return encoding_names[encoding];
}

gboolean
sl_csv_encoding_from_string (const char    *text,
                             SlCsvEncoding *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (encoding_names); i++)
    if (g_ascii_strcasecmp (text ? text : "", encoding_names[i]) == 0 ||
        (i == SL_CSV_ENCODING_UTF8 && g_ascii_strcasecmp (text ? text : "", "utf8") == 0) ||
        (i == SL_CSV_ENCODING_WINDOWS_1252 && g_ascii_strcasecmp (text ? text : "", "cp1252") == 0))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static void
sl_csv_reader_finalize (GObject *object)
{
  SlCsvReader *self = (SlCsvReader *)object;

  g_clear_object (&self->stream);
  g_clear_object (&self->base);
  g_free (self->name);
  g_free (self->chunk);
  g_free (self->record);
  g_array_unref (self->starts);

  G_OBJECT_CLASS (sl_csv_reader_parent_class)->finalize (object);
}

static void
sl_csv_reader_class_init (SlCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_csv_reader_finalize;
}

static void
sl_csv_reader_init (SlCsvReader *self)
{
  self->chunk = g_malloc (CHUNK_SIZE);
  self->record_cap = 4096;
  self->record = g_malloc (self->record_cap);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), 32);
  self->line = 1;
}

SlCsvReader *
sl_csv_reader_new (GInputStream  *stream,
                   const char    *name,
                   SlCsvEncoding  encoding,
                   char           delimiter)
{
  SlCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (SL_TYPE_CSV_READER, NULL);
  self->base = g_object_ref (stream);
  self->name = g_strdup (name ? name : "");
  self->encoding = encoding;
  self->delimiter = delimiter;
  return self;
}

static gboolean
fail (SlCsvReader  *self,
      GError      **error,
      SlCsvError    code,
      guint64       line,
      const char   *what)
{
  g_set_error (error, SL_CSV_ERROR, code,
               /* Translators: a file name, a line number, then what is wrong */
               _("%s:%llu: %s"), self->name, (unsigned long long)line, what);
  return FALSE;
}

/* Reads the byte-order mark, if any, and sets up the conversion. */
static gboolean
start (SlCsvReader   *self,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GBufferedInputStream) buffered = NULL;
  const guint8 *head;
  gsize n = 0, bom = 0;
  const char *from = NULL;

  buffered = G_BUFFERED_INPUT_STREAM (g_buffered_input_stream_new_sized (self->base, CHUNK_SIZE));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (buffered), FALSE);
  if (g_buffered_input_stream_fill (buffered, 4, cancellable, error) < 0)
    return FALSE;
  head = g_buffered_input_stream_peek_buffer (buffered, &n);

  if (self->encoding == SL_CSV_ENCODING_AUTO || self->encoding == SL_CSV_ENCODING_UTF8)
    {
      if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        self->encoding = SL_CSV_ENCODING_UTF8, bom = 3;
      else if (self->encoding == SL_CSV_ENCODING_AUTO && n >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        self->encoding = SL_CSV_ENCODING_UTF16LE, bom = 2;
      else if (self->encoding == SL_CSV_ENCODING_AUTO && n >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        self->encoding = SL_CSV_ENCODING_UTF16BE, bom = 2;
      else
        self->encoding = SL_CSV_ENCODING_UTF8;
    }
  else if ((self->encoding == SL_CSV_ENCODING_UTF16LE && n >= 2 && head[0] == 0xFF && head[1] == 0xFE) ||
           (self->encoding == SL_CSV_ENCODING_UTF16BE && n >= 2 && head[0] == 0xFE && head[1] == 0xFF))
    bom = 2;

  if (bom > 0 && g_input_stream_skip (G_INPUT_STREAM (buffered), bom, cancellable, error) < 0)
    return FALSE;
  self->bytes_read = bom;

  switch (self->encoding)
    {
    case SL_CSV_ENCODING_UTF16LE: from = "UTF-16LE"; break;
    case SL_CSV_ENCODING_UTF16BE: from = "UTF-16BE"; break;
    case SL_CSV_ENCODING_WINDOWS_1252: from = "WINDOWS-1252"; break;
    default: break;
    }

  if (from == NULL)
    self->stream = G_INPUT_STREAM (g_steal_pointer (&buffered));
  else
    {
      g_autoptr(GCharsetConverter) converter = g_charset_converter_new ("UTF-8", from, error);

      if (converter == NULL)
        return FALSE;
      self->stream = g_converter_input_stream_new (G_INPUT_STREAM (buffered), G_CONVERTER (converter));
    }
  self->started = TRUE;
  return TRUE;
}

static gboolean
fill_chunk (SlCsvReader   *self,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  n = g_input_stream_read (self->stream, self->chunk, CHUNK_SIZE, cancellable, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        return fail (self, error, SL_CSV_ERROR_ENCODING, self->line,
                     _("the text is not valid in its encoding (choose another encoding?)"));
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_IO, "%s: %s", self->name, local_error->message);
      return FALSE;
    }

  self->chunk_len = n;
  self->chunk_pos = 0;
  self->eof = n == 0;
  if (G_IS_SEEKABLE (self->base) && g_seekable_can_seek (G_SEEKABLE (self->base)))
    self->bytes_read = g_seekable_tell (G_SEEKABLE (self->base));
  else
    self->bytes_read += n;
  return TRUE;
}

/* Picks the delimiter that the first line, outside quotes, uses most. */
static void
detect_delimiter (SlCsvReader *self)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < self->chunk_len; i++)
    {
      char c = self->chunk[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          counts[k] += c == candidates[k];
    }
  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  self->delimiter = candidates[best];
}

static gboolean
push_byte (SlCsvReader  *self,
           char          c,
           GError      **error)
{
  if (G_UNLIKELY (self->record_len + 2 > self->record_cap))
    {
      if (self->record_cap >= SL_CSV_MAX_RECORD)
        return fail (self, error, SL_CSV_ERROR_TOO_LONG, self->record_line,
                     _("the line is too long (more than 1 MB); is this a CSV file?"));
      self->record_cap *= 2;
      self->record = g_realloc (self->record, self->record_cap);
    }
  self->record[self->record_len++] = c;
  return TRUE;
}

static gboolean
end_field (SlCsvReader  *self,
           GError      **error)
{
  return push_byte (self, '\0', error);
}

static void
begin_field (SlCsvReader *self)
{
  guint offset = self->record_len;

  g_array_append_val (self->starts, offset);
}

/* Checks the finished record's text is UTF-8 (control bytes were
 * refused as they came). */
static gboolean
check_record (SlCsvReader  *self,
              GError      **error)
{
  for (guint i = 0; i < self->starts->len; i++)
    if (!g_utf8_validate (self->record + g_array_index (self->starts, guint, i), -1, NULL))
      return fail (self, error, SL_CSV_ERROR_ENCODING, self->record_line,
                   _("the text is not valid UTF-8 (is the file in another encoding?)"));
  return TRUE;
}

static gboolean
binary_error (SlCsvReader  *self,
              GError      **error)
{
  return fail (self, error, SL_CSV_ERROR_BINARY, self->line,
               _("the file contains binary data (a NUL or control byte); is this a CSV file?"));
}

/* Consumes one byte; *done is set when it ended a record. */
static gboolean
consume (SlCsvReader  *self,
         State        *state,
         char          c,
         gboolean     *done,
         GError      **error)
{
  gboolean newline = c == '\n' || c == '\r';

  if (G_UNLIKELY ((guchar)c < 0x20 && c != '\t' && !newline))
    return binary_error (self, error);

  if (newline && self->after_cr && c == '\n')
    {
      self->after_cr = FALSE;
      return TRUE;  /* the LF of a CRLF */
    }
  self->after_cr = c == '\r';

  switch (*state)
    {
    case STATE_QUOTED:
      if (c == '"')
        *state = STATE_QUOTE_IN_QUOTED;
      else
        {
          if (newline)
            self->line++;
          return push_byte (self, newline ? '\n' : c, error);
        }
      return TRUE;

    case STATE_QUOTE_IN_QUOTED:
      if (c == '"')
        {
          *state = STATE_QUOTED;
          return push_byte (self, '"', error);
        }
      if (c != self->delimiter && !newline)
        return fail (self, error, SL_CSV_ERROR_BAD_QUOTE, self->line,
                     _("text after a closing quote; quotes inside a field must be doubled"));
      *state = STATE_UNQUOTED;
      break;

    case STATE_WHITESPACE:
      if (c == ' ' || c == '\t')
        return TRUE;
      if (newline)
        break;
      begin_field (self);
      *state = STATE_UNQUOTED;
      return push_byte (self, c, error);

    case STATE_FIELD_START:
      if (c == '"' && self->delimiter != SL_CSV_DELIMITER_WHITESPACE)
        {
          *state = STATE_QUOTED;
          return TRUE;
        }
      *state = STATE_UNQUOTED;
      break;

    case STATE_UNQUOTED:
    default:
      break;
    }

  if (newline)
    {
      self->line++;
      *done = TRUE;
      return end_field (self, error);
    }
  if (self->delimiter == SL_CSV_DELIMITER_WHITESPACE && (c == ' ' || c == '\t'))
    {
      *state = STATE_WHITESPACE;
      return end_field (self, error);
    }
  if (c == self->delimiter)
    {
      *state = STATE_FIELD_START;
      if (!end_field (self, error))
        return FALSE;
      begin_field (self);
      return TRUE;
    }
  return push_byte (self, c, error);
}

static void
reset_record (SlCsvReader *self,
              State       *state)
{
  self->record_len = 0;
  g_array_set_size (self->starts, 0);
  self->record_line = self->line;
  if (self->delimiter == SL_CSV_DELIMITER_WHITESPACE)
    *state = STATE_WHITESPACE;
  else
    {
      *state = STATE_FIELD_START;
      begin_field (self);
    }
}

/* A record of one empty field is a blank line. */
static gboolean
is_blank (SlCsvReader *self,
          State        state)
{
  if (self->delimiter == SL_CSV_DELIMITER_WHITESPACE)
    return self->starts->len == 0;
  return self->starts->len == 1 && self->record_len <= 1 && state != STATE_QUOTE_IN_QUOTED;
}

gboolean
sl_csv_reader_next (SlCsvReader   *self,
                    gboolean      *has_record,
                    GCancellable  *cancellable,
                    GError       **error)
{
  State state;
  gboolean done = FALSE;

  g_return_val_if_fail (SL_IS_CSV_READER (self), FALSE);

  *has_record = FALSE;
  if (!self->started)
    {
      if (!start (self, cancellable, error) || !fill_chunk (self, cancellable, error))
        return FALSE;
      if (self->eof)
        return fail (self, error, SL_CSV_ERROR_EMPTY, 1, _("the file is empty"));
      if (self->delimiter == SL_CSV_DELIMITER_DETECT)
        detect_delimiter (self);
    }

  for (;;)
    {
      reset_record (self, &state);
      done = FALSE;
      while (!done)
        {
          if (self->chunk_pos == self->chunk_len)
            {
              if (!self->eof && !fill_chunk (self, cancellable, error))
                return FALSE;
              if (self->eof)
                break;
            }
          if (!consume (self, &state, self->chunk[self->chunk_pos++], &done, error))
            return FALSE;
        }

      if (!done)  /* the end of the file */
        {
          if (state == STATE_QUOTED)
            return fail (self, error, SL_CSV_ERROR_UNTERMINATED_QUOTE, self->record_line,
                         _("a quoted field is never closed"));
          if (is_blank (self, state))
            return TRUE;
          if (!end_field (self, error))
            return FALSE;
        }
      else if (is_blank (self, state))
        continue;

      if (!check_record (self, error))
        return FALSE;
      *has_record = TRUE;
      return TRUE;
    }
}

guint
sl_csv_reader_get_n_fields (SlCsvReader *self)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), 0);
  return self->starts->len;
}

const char *
sl_csv_reader_get_field (SlCsvReader *self,
                         guint        index)
{
  g_return_val_if_fail (SL_IS_CSV_READER (self), NULL);

  if (index >= self->starts->len)
    return NULL;
  return self->record + g_array_index (self->starts, guint, index);
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
  g_return_val_if_fail (SL_IS_CSV_READER (self), 0);
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
