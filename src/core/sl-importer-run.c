/* sl-importer-run.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-date-text.h"
#include "sl-funnel-importer.h"
#include "sl-importer-private.h"
#include "sl-money.h"
#include "sl-plan-importer.h"
#include "sl-revenue-importer.h"
#include "sl-spend-importer.h"

#define PROGRESS_EVERY 16384
#define MAX_KEPT_REJECTS 1000
#define DATE_SAMPLE 2000

typedef struct
{
  GFile        *file;
  GCancellable *cancellable;
  char         *sha256;
  GError       *error;
} HashJob;

/* Where a run is: what the main loop and its helpers share. */
typedef struct
{
  SlImporter           *importer;
  GFile                *file;
  guint64               size;
  SlImportProgressFunc  progress;
  gpointer              progress_data;
  GCancellable         *cancellable;
  SlImportResult       *result;
  GOutputStream        *rejects;
  char                 *fingerprint;
  HashJob              *hash_job;    /* the whole-file hash, on the other core */
  GThread              *hash_thread;
} Run;

GType
sl_importer_type_for_kind (SlImportKind kind)
{
  switch (kind)
    {
    case SL_IMPORT_SPEND:
      return SL_TYPE_SPEND_IMPORTER;
    case SL_IMPORT_FUNNEL:
      return SL_TYPE_FUNNEL_IMPORTER;
    case SL_IMPORT_REVENUE:
      return SL_TYPE_REVENUE_IMPORTER;
    case SL_IMPORT_PLAN:
      return SL_TYPE_PLAN_IMPORTER;
    default:
      return G_TYPE_INVALID;
    }
}

const SlImportPreset *
sl_import_presets (SlImportKind kind)
{
  GType type = sl_importer_type_for_kind (kind);
  g_autoptr(GTypeClass) klass = NULL;

  if (type == G_TYPE_INVALID)
    return NULL;
  klass = g_type_class_ref (type);
  return SL_IMPORTER_CLASS (klass)->presets;
}

static char *
hash_file (GFile         *file,
           guint64       *size,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (65536);
  gssize n;

  if (stream == NULL)
    return NULL;
  *size = 0;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 65536, cancellable, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      *size += n;
    }
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

#define FINGERPRINT_BYTES (1024 * 1024)

/* SHA-256 of the first MiB, and the size. */
static char *
fingerprint_file (GFile         *file,
                  guint64       *size,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree guint8 *buffer = g_malloc (FINGERPRINT_BYTES);
  gsize n = 0;
  g_autofree char *sha = NULL;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, FINGERPRINT_BYTES, &n, cancellable, error))
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return NULL;
  *size = g_file_info_get_size (info);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, buffer, n);
  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT, sha, *size);
}

static gboolean
fingerprint_known (SlDatabase  *db,
                   const char  *fingerprint,
                   gboolean    *known,
                   GError     **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db,
                                                     "SELECT 1 FROM import_batch WHERE fingerprint = ?1 LIMIT 1",
                                                     error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fingerprint, -1, SQLITE_STATIC);
  return sl_database_step_row (db, stmt, known, error);
}

static gpointer
hash_thread (gpointer data)
{
  HashJob *job = data;
  guint64 size;

  job->sha256 = hash_file (job->file, &size, job->cancellable, &job->error);
  return NULL;
}

static SlCsvReader *
open_reader (Run      *run,
             GError  **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  g_autoptr(GFileInputStream) stream = g_file_read (run->file, run->cancellable, error);
  SlCsvReader *reader;

  if (stream == NULL)
    return NULL;
  reader = sl_csv_reader_new (G_INPUT_STREAM (stream), priv->file_name,
                              priv->options.encoding, priv->options.delimiter);
  sl_csv_reader_set_has_header (reader, TRUE);
  return reader;
}

/* A header that is one field holding several words separated by runs of
 * spaces is a fixed-width export (CDNOW's " customer_id  date …"), which
 * the reader cannot detect from , ; and tab alone. */
static gboolean
looks_whitespace_delimited (SlCsvReader *reader)
{
  const char *header;
  guint n_words = 0;
  gboolean wide_gap = FALSE;

  if (sl_csv_reader_get_n_fields (reader) != 1)
    return FALSE;
  header = sl_csv_reader_get_field (reader, 0);
  for (const char *p = header; *p != '\0';)
    {
      gsize gap = strspn (p, " \t");

      wide_gap = wide_gap || gap >= 2 || (gap > 0 && p == header);
      p += gap;
      if (*p != '\0')
        n_words++;
      p += strcspn (p, " \t");
    }
  return n_words >= 2 && wide_gap;
}

/* Reads the header record, again with whitespace as the delimiter when
 * it looks fixed-width and no delimiter was given. */
static gboolean
next_header (Run      *run,
             gboolean *has_record,
             GError  **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);

  if (!sl_csv_reader_next (priv->reader, has_record, run->cancellable, error))
    return FALSE;
  if (!*has_record || priv->options.delimiter != SL_CSV_DELIMITER_DETECT ||
      !looks_whitespace_delimited (priv->reader))
    return TRUE;

  priv->options.delimiter = SL_CSV_DELIMITER_WHITESPACE;
  g_clear_object (&priv->reader);
  priv->reader = open_reader (run, error);
  return priv->reader != NULL &&
         sl_csv_reader_next (priv->reader, has_record, run->cancellable, error);
}

/* Reads the header record and maps it; FALSE on an empty file. */
static gboolean
read_header (Run      *run,
             GError  **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  gboolean has_record;

  if (!next_header (run, &has_record, error))
    return FALSE;
  if (!has_record)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_NO_ROWS,
                   /* Translators: %s is a file name */
                   _("%s: the file is empty"), priv->file_name);
      return FALSE;
    }
  return sl_importer_map_header (run->importer, NULL, error);
}

/* The day/month order of the file's dates: ISO when the first dates say
 * so, else what every date of the file allows. */
static gboolean
detect_date_order (Run      *run,
                   GError  **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  SlImporterClass *klass = SL_IMPORTER_GET_CLASS (run->importer);
  guint mask = ~0u, n_values = 0;
  gboolean has_record;

  if (priv->options.date_order != SL_DATE_ORDER_AUTO)
    {
      priv->date_order = priv->options.date_order;
      return TRUE;
    }

  g_clear_object (&priv->reader);
  priv->reader = open_reader (run, error);
  if (priv->reader == NULL || !sl_csv_reader_next (priv->reader, &has_record, run->cancellable, error))
    return FALSE;

  while (sl_csv_reader_next (priv->reader, &has_record, run->cancellable, error) && has_record)
    for (guint i = 0; i < klass->n_date_fields; i++)
      {
        const char *text = sl_importer_get_text (run->importer, klass->date_fields[i]);
        guint orders;

        if (text == NULL || *text == '\0')
          continue;
        orders = sl_date_text_orders (text);
        if (orders != 0)  /* a bad date is reported by the import itself */
          mask &= orders;
        /* ISO or year-first from the start: no need to read on. */
        if (++n_values >= DATE_SAMPLE && (mask & ((1u << SL_DATE_ORDER_ISO) | (1u << SL_DATE_ORDER_YMD))))
          goto done;
      }
  if (error != NULL && *error != NULL)
    return FALSE;

done:
  priv->date_order = n_values == 0 ? SL_DATE_ORDER_ISO : sl_date_text_pick (mask);
  if (priv->date_order == SL_DATE_ORDER_AUTO)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_AMBIGUOUS_DATES,
                   /* Translators: %s is a file name */
                   _("%s: the dates could be day/month or month/day; choose the order"),
                   priv->file_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_duplicate (Run      *run,
                 GError  **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (priv->db,
                              "SELECT id, file_name FROM import_batch WHERE sha256 = ?1 ORDER BY id LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, run->result->sha256, -1, SQLITE_STATIC);
  if (!sl_database_step_row (priv->db, stmt, &has_row, error))
    return FALSE;
  if (has_row && !priv->options.allow_duplicate)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_DUPLICATE_FILE,
                   /* Translators: the first %s is a file name, %lld an import number,
                    * the second %s the name the file had then */
                   _("%s was imported before (import %lld, “%s”); import it again?"),
                   priv->file_name, (long long)sqlite3_column_int64 (stmt, 0),
                   (const char *)sqlite3_column_text (stmt, 1));
      return FALSE;
    }
  return TRUE;
}

/* What the batch records as its mapping: the user's by name, else the preset. */
static const char *
mapping_name (SlImporterPrivate *priv)
{
  if (priv->mapping != NULL)
    return priv->mapping->source != NULL ? priv->mapping->source : "custom";
  return priv->preset ? priv->preset->id : "generic";
}

static gboolean
insert_batch (Run      *run,
              GError  **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (priv->db,
                              "INSERT INTO import_batch (kind, file_name, sha256, mapping, author, imported_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sl_import_kind_to_string (priv->options.kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, priv->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, run->result->sha256 ? run->result->sha256 : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, mapping_name (priv), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, priv->author ? priv->author : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  if (!sl_database_step_done (priv->db, stmt, error))
    return FALSE;
  priv->batch_id = sl_database_last_insert_id (priv->db);
  return TRUE;
}

/* Waits for the whole-file hash, if it was computed alongside. */
static gboolean
join_hash (Run      *run,
           GError  **error)
{
  HashJob *job = run->hash_job;

  if (run->hash_thread == NULL)
    return run->result->sha256 != NULL;

  g_thread_join (g_steal_pointer (&run->hash_thread));
  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  run->result->sha256 = g_steal_pointer (&job->sha256);
  return TRUE;
}

static gboolean
update_batch_counts (Run      *run,
                     GError  **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (priv->db,
                              "UPDATE import_batch SET rows_accepted = ?2, rows_rejected = ?3, "
                              "sha256 = ?4, fingerprint = ?5 WHERE id = ?1",
                              error);
  if (stmt == NULL || !join_hash (run, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, priv->batch_id);
  sqlite3_bind_int64 (stmt, 2, run->result->rows_accepted);
  sqlite3_bind_int64 (stmt, 3, run->result->rows_rejected);
  sqlite3_bind_text (stmt, 4, run->result->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, run->fingerprint, -1, SQLITE_STATIC);
  return sl_database_step_done (priv->db, stmt, error);
}

/* Appends the current record to the rejects file with why it failed. */
static gboolean
write_reject (Run             *run,
              SlImportReject  *reject,
              GError         **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  g_autoptr(GString) line = g_string_new (NULL);

  if (run->rejects == NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (run->result->rejects_path);

      run->rejects = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                      run->cancellable, error));
      if (run->rejects == NULL)
        return FALSE;
      /* Translators: the header of the rejected-rows file; keep the commas */
      g_string_append (line, _("line,column,reason,row"));
      g_string_append (line, "\r\n");
    }

  /* The line holds at least its number: each field comes after a comma. */
  g_string_append_printf (line, "%llu", (unsigned long long)reject->line);
  sl_csv_append_field (line, reject->column);
  sl_csv_append_field (line, reject->reason);
  for (guint i = 0; i < sl_csv_reader_get_n_fields (priv->reader); i++)
    sl_csv_append_field (line, sl_csv_reader_get_field (priv->reader, i));
  g_string_append (line, "\r\n");
  return g_output_stream_write_all (run->rejects, line->str, line->len, NULL, run->cancellable, error);
}

/* A bad row: with all-or-nothing it ends the import, else it is set aside. */
static gboolean
handle_bad_row (Run     *run,
                GError  *row_error,
                GError **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  SlImporterClass *klass = SL_IMPORTER_GET_CLASS (run->importer);
  const char *column = klass->fields[priv->bad_field].name;
  int index = priv->columns[priv->bad_field];
  guint64 line = sl_csv_reader_get_line (priv->reader);
  SlImportReject *reject;

  /* Name the column as the file does ("Cost"), when it has one. */
  if (priv->shift != 0 && index >= priv->shift_from)
    index += priv->shift;
  if (index >= 0 && priv->header != NULL && index < (int)g_strv_length (priv->header) &&
      *priv->header[index] != '\0')
    column = priv->header[index];

  if (priv->options.policy == SL_IMPORT_ALL_OR_NOTHING)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                   /* Translators: a file name, a line number, a column, then why */
                   _("%s:%llu: column “%s”: %s"),
                   priv->file_name, (unsigned long long)line, column, row_error->message);
      return FALSE;
    }

  reject = g_new0 (SlImportReject, 1);
  reject->line = line;
  reject->column = g_strdup (column);
  reject->reason = g_strdup (row_error->message);
  run->result->rows_rejected++;
  if (!write_reject (run, reject, error))
    {
      sl_import_reject_free (reject);
      return FALSE;
    }
  if (run->result->rejects->len < MAX_KEPT_REJECTS)
    g_ptr_array_add (run->result->rejects, reject);
  else
    sl_import_reject_free (reject);
  return TRUE;
}

static void
report_progress (Run *run)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);

  if (run->progress != NULL && run->size > 0)
    run->progress ((double)sl_csv_reader_get_bytes_read (priv->reader) / run->size, run->progress_data);
}

static gboolean
import_rows (Run      *run,
             GError  **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  SlImporterClass *klass = SL_IMPORTER_GET_CLASS (run->importer);
  gboolean has_record;
  guint64 n = 0;

  while (sl_csv_reader_next (priv->reader, &has_record, run->cancellable, error))
    {
      g_autoptr(GError) row_error = NULL;

      if (!has_record)
        break;
      if (++n % PROGRESS_EVERY == 0)
        report_progress (run);
      sl_importer_shift_row (run->importer, 0, 0);

      if (klass->import_row (run->importer, &row_error))
        run->result->rows_accepted++;
      else if (!g_error_matches (row_error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      else if (!handle_bad_row (run, row_error, error))
        return FALSE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  if (run->result->rows_accepted == 0 && run->result->rows_rejected == 0)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_NO_ROWS,
                   /* Translators: %s is a file name */
                   _("%s: there are no rows under the header"), priv->file_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_in_transaction (Run      *run,
                    GError  **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  SlImporterClass *klass = SL_IMPORTER_GET_CLASS (run->importer);

  if (!sl_database_begin (priv->db, error))
    return FALSE;

  if (!insert_batch (run, error) ||
      (klass->begin != NULL && !klass->begin (run->importer, error)) ||
      !import_rows (run, error) ||
      (klass->finish != NULL && !klass->finish (run->importer, error)) ||
      !sl_rollup_flush (priv->rollup, priv->db, error) ||
      !update_batch_counts (run, error) ||
      (priv->options.mapping != NULL && priv->options.mapping->source != NULL &&
       !sl_import_mapping_save (priv->db, priv->mapping, error)) ||
      g_cancellable_set_error_if_cancelled (run->cancellable, error))
    {
      sl_database_rollback (priv->db);
      return FALSE;
    }
  return sl_database_commit (priv->db, error);
}

static gboolean
read_workspace_currency (SlImporter  *self,
                         GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (priv->db, "SELECT currency FROM workspace WHERE id = 1", error);
  if (stmt == NULL || !sl_database_step_row (priv->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED,
                   _("The workspace has no settings yet"));
      return FALSE;
    }
  g_strlcpy (priv->currency, (const char *)sqlite3_column_text (stmt, 0), sizeof priv->currency);
  priv->exponent = MAX (0, sl_currency_exponent (priv->currency));
  return TRUE;
}

static SlImporter *
importer_new (SlDatabase             *db,
              GFile                  *file,
              const SlImportOptions  *options,
              GError                **error)
{
  GType type = sl_importer_type_for_kind (options->kind);
  g_autoptr(SlImporter) self = NULL;
  SlImporterPrivate *priv;

  if (type == G_TYPE_INVALID)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED,
                   /* Translators: %s is a kind of import: spend, funnel, revenue or plan */
                   _("Importing %s files is not available yet"),
                   sl_import_kind_to_string (options->kind));
      return NULL;
    }

  self = g_object_new (type, NULL);
  priv = sl_importer_get_private (self);
  priv->db = g_object_ref (db);
  priv->options = *options;
  priv->version = g_strdup (options->version);
  priv->author = g_strdup (options->author);
  priv->join_path = g_strdup (options->join_path);
  priv->options.version = priv->version;
  priv->options.author = priv->author;
  priv->options.join_path = priv->join_path;
  priv->options.preset = NULL;  /* only during mapping, below */
  priv->file_name = g_file_get_basename (file);
  return g_steal_pointer (&self);
}

static char *
default_rejects_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = NULL;

  if (path != NULL && g_str_has_suffix (path, ".csv"))
    path[strlen (path) - 4] = '\0';
  if (path == NULL)
    {
      base = g_file_get_basename (file);
      return g_build_filename (g_get_user_cache_dir (), "sunlight", base, NULL);
    }
  return g_strconcat (path, ".rejects.csv", NULL);
}

/**
 * sl_import_file:
 *
 * Imports one file as one batch, in one transaction (see sl-importer.h).
 */
gboolean
sl_import_file (SlDatabase             *db,
                GFile                  *file,
                const SlImportOptions  *options,
                SlImportProgressFunc    progress,
                gpointer                user_data,
                GCancellable           *cancellable,
                SlImportResult        **result,
                GError                **error)
{
  g_autoptr(SlImporter) importer = NULL;
  g_autoptr(SlImportResult) res = g_new0 (SlImportResult, 1);
  SlImporterPrivate *priv;
  Run run = { 0 };
  gboolean ok, known = FALSE;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  importer = importer_new (db, file, options, error);
  if (importer == NULL)
    return FALSE;
  priv = sl_importer_get_private (importer);
  priv->options.preset = options->preset;

  res->rejects = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_import_reject_free);
  res->rejects_path = options->rejects_path ? g_strdup (options->rejects_path) : default_rejects_path (file);
  run = (Run) { importer, file, 0, progress, user_data, cancellable, res, NULL, NULL, NULL, NULL };

  /* Only a file whose first MiB and size match an earlier import's can be
   * a duplicate: hash that one whole now, to ask before importing; hash
   * any other alongside the import, on the other core. */
  run.fingerprint = fingerprint_file (file, &run.size, cancellable, error);
  ok = run.fingerprint != NULL &&
       read_workspace_currency (importer, error) &&
       fingerprint_known (db, run.fingerprint, &known, error);
  if (ok && known)
    ok = (res->sha256 = hash_file (file, &run.size, cancellable, error)) != NULL &&
         check_duplicate (&run, error);
  else if (ok)
    {
      run.hash_job = g_new0 (HashJob, 1);
      run.hash_job->file = file;
      run.hash_job->cancellable = cancellable;
      run.hash_thread = g_thread_new ("sunlight-hash", hash_thread, run.hash_job);
    }
  if (ok && options->mapping == NULL && options->preset == NULL)
    ok = (priv->saved_mappings = sl_import_mapping_list (db, options->kind, error)) != NULL;
  ok = ok &&
       (priv->reader = open_reader (&run, error)) != NULL &&
       read_header (&run, error) &&
       detect_date_order (&run, error);

  /* The date scan read the file: start again after the header. */
  if (ok && priv->options.date_order == SL_DATE_ORDER_AUTO)
    {
      gboolean has_record;

      g_clear_object (&priv->reader);
      ok = (priv->reader = open_reader (&run, error)) != NULL &&
           sl_csv_reader_next (priv->reader, &has_record, cancellable, error);
    }
  priv->options.preset = NULL;

  ok = ok && run_in_transaction (&run, error);
  if (run.rejects != NULL)
    g_output_stream_close (run.rejects, NULL, NULL);
  g_clear_object (&run.rejects);
  if (run.hash_thread != NULL)
    g_thread_join (run.hash_thread);
  if (run.hash_job != NULL)
    {
      g_clear_error (&run.hash_job->error);
      g_free (run.hash_job->sha256);
      g_free (run.hash_job);
    }
  g_free (run.fingerprint);
  if (!ok)
    return FALSE;

  if (res->rows_rejected == 0)
    g_clear_pointer (&res->rejects_path, g_free);
  res->batch_id = priv->batch_id;
  res->preset = g_strdup (priv->preset ? priv->preset->id : "generic");
  res->source = priv->mapping ? g_strdup (priv->mapping->source) : NULL;
  res->date_order = priv->date_order;
  if (progress != NULL)
    progress (1.0, user_data);
  if (result != NULL)
    *result = g_steal_pointer (&res);
  return TRUE;
}

/* Campaigns */

static gboolean
insert_named (SlImporter  *self,
              const char  *sql,
              gint64       channel_id,
              const char  *name,
              gint64      *id,
              GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  g_autoptr(SlStatement) stmt = sl_database_prepare (priv->db, sql, error);
  g_autofree char *uuid = g_uuid_string_random ();
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, priv->batch_id);
  sqlite3_bind_int64 (stmt, 4, channel_id);
  /* The statements insert when missing and return the row's id either way. */
  if (!sl_database_step_row (priv->db, stmt, &has_row, error))
    return FALSE;
  *id = sqlite3_column_int64 (stmt, 0);
  sl_statement_release (stmt);
  return TRUE;
}

typedef struct
{
  gint64 channel_id;
  gint64 campaign_id;
} CampaignIds;

static gboolean resolve_campaign_slow (SlImporter  *self,
                                       const char  *channel,
                                       const char  *campaign,
                                       gint64      *channel_id,
                                       gint64      *campaign_id,
                                       GError     **error);

/* Rows name the same few campaigns again and again: look the exact text
 * up first, without allocating; fold case and touch SQL only when new. */
gboolean
sl_importer_resolve_campaign (SlImporter  *self,
                              const char  *channel,
                              const char  *campaign,
                              gint64      *channel_id,
                              gint64      *campaign_id,
                              GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  CampaignIds *ids;

  g_string_assign (priv->pair_key, channel ? channel : "");
  g_string_append_c (priv->pair_key, '\x1f');
  g_string_append (priv->pair_key, campaign ? campaign : "");

  ids = g_hash_table_lookup (priv->pairs, priv->pair_key->str);
  if (ids == NULL)
    {
      ids = g_new (CampaignIds, 1);
      if (!resolve_campaign_slow (self, channel, campaign, &ids->channel_id, &ids->campaign_id, error))
        {
          g_free (ids);
          return FALSE;
        }
      g_hash_table_insert (priv->pairs, g_strdup (priv->pair_key->str), ids);
    }
  *channel_id = ids->channel_id;
  *campaign_id = ids->campaign_id;
  return TRUE;
}

static gboolean
resolve_campaign_slow (SlImporter  *self,
                              const char  *channel,
                              const char  *campaign,
                              gint64      *channel_id,
                              gint64      *campaign_id,
                              GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  g_autofree char *channel_key = NULL;
  g_autofree char *campaign_key = NULL;
  g_autofree char *campaign_folded = NULL;
  gpointer cached;

  if (channel == NULL || *channel == '\0')
    channel = priv->fixed_channel != NULL ? priv->fixed_channel : _("Unattributed");
  if (campaign == NULL || *campaign == '\0')
    campaign = _("(no campaign)");

  channel_key = g_utf8_casefold (channel, -1);
  if (!g_hash_table_lookup_extended (priv->channels, channel_key, NULL, &cached))
    {
      if (!insert_named (self,
                         "INSERT INTO channel (name, uuid, batch_id) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (name) DO UPDATE SET name = name RETURNING id",
                         0, channel, channel_id, error))
        return FALSE;
      g_hash_table_insert (priv->channels, g_steal_pointer (&channel_key), GSIZE_TO_POINTER (*channel_id));
    }
  else
    *channel_id = GPOINTER_TO_SIZE (cached);

  campaign_folded = g_utf8_casefold (campaign, -1);
  campaign_key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", *channel_id, campaign_folded);
  if (g_hash_table_lookup_extended (priv->campaigns, campaign_key, NULL, &cached))
    {
      *campaign_id = GPOINTER_TO_SIZE (cached);
      return TRUE;
    }
  if (!insert_named (self,
                     "INSERT INTO campaign (name, uuid, batch_id, channel_id) VALUES (?1, ?2, ?3, ?4) "
                     "ON CONFLICT (channel_id, name) DO UPDATE SET name = name RETURNING id",
                     *channel_id, campaign, campaign_id, error))
    return FALSE;
  g_hash_table_insert (priv->campaigns, g_steal_pointer (&campaign_key), GSIZE_TO_POINTER (*campaign_id));
  return TRUE;
}

/* Async */

typedef struct
{
  char                 *workspace_path;
  GFile                *file;
  SlImportOptions       options;
  char                 *preset;
  char                 *version;
  char                 *rejects_path;
  char                 *join_path;
  char                 *author;
  SlImportMapping      *mapping;
  SlImportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  g_free (data->workspace_path);
  g_object_unref (data->file);
  g_free (data->preset);
  g_free (data->version);
  g_free (data->rejects_path);
  g_free (data->join_path);
  g_free (data->author);
  sl_import_mapping_free (data->mapping);
  g_main_context_unref (data->context);
  g_free (data);
}

/* A progress report on its way to the main context; it carries copies,
 * since the import may be over by the time it arrives. */
typedef struct
{
  SlImportProgressFunc progress;
  gpointer             progress_data;
  double               fraction;
} ProgressCall;

static gboolean
progress_in_main_cb (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->progress (call->fraction, call->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_from_thread_cb (double   fraction,
                         gpointer user_data)
{
  AsyncData *data = user_data;
  ProgressCall *call = g_new (ProgressCall, 1);

  call->progress = data->progress;
  call->progress_data = data->progress_data;
  call->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_in_main_cb, call, g_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr(SlDatabase) db = NULL;
  SlImportResult *result = NULL;
  GError *error = NULL;

  /* A connection of its own: SQLite connections stay in one thread. */
  db = sl_database_open (data->workspace_path, SL_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL ||
      !sl_import_file (db, data->file, &data->options,
                       data->progress ? progress_from_thread_cb : NULL, data,
                       cancellable, &result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify)sl_import_result_free);
}

void
sl_import_file_async (const char             *workspace_path,
                      GFile                  *file,
                      const SlImportOptions  *options,
                      SlImportProgressFunc    progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (workspace_path != NULL && G_IS_FILE (file) && options != NULL);

  data = g_new0 (AsyncData, 1);
  data->workspace_path = g_strdup (workspace_path);
  data->file = g_object_ref (file);
  data->options = *options;
  data->options.preset = data->preset = g_strdup (options->preset);
  data->options.version = data->version = g_strdup (options->version);
  data->options.rejects_path = data->rejects_path = g_strdup (options->rejects_path);
  data->options.join_path = data->join_path = g_strdup (options->join_path);
  data->options.author = data->author = g_strdup (options->author);
  data->options.mapping = data->mapping = sl_import_mapping_copy (options->mapping);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)async_data_free);
  g_task_run_in_thread (task, import_thread);
}

SlImportResult *
sl_import_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Preview */

void
sl_import_preview_free (SlImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->preset);
  g_free (preview->source);
  g_strfreev (preview->header);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_clear_pointer (&preview->mapping, g_ptr_array_unref);
  g_strfreev (preview->missing);
  g_free (preview);
}

static GStrv
record_to_strv (SlCsvReader *reader)
{
  GStrv fields = g_new0 (char *, sl_csv_reader_get_n_fields (reader) + 1);

  for (guint i = 0; i < sl_csv_reader_get_n_fields (reader); i++)
    fields[i] = g_strdup (sl_csv_reader_get_field (reader, i));
  return fields;
}

static void
describe_mapping (SlImporter      *importer,
                  SlImportPreview *preview)
{
  SlImporterClass *klass = SL_IMPORTER_GET_CLASS (importer);

  preview->mapping = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      int column = sl_importer_get_column (importer, i);

      if (column >= 0 && preview->header[column] != NULL)
        g_ptr_array_add (preview->mapping,
                         g_strdup_printf ("%s=%s", klass->fields[i].name, preview->header[column]));
    }
}

/* Reads up to @max_rows rows and guesses the date order from them. */
static gboolean
read_sample (Run             *run,
             SlImportPreview *preview,
             guint            max_rows,
             GError         **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (run->importer);
  SlImporterClass *klass = SL_IMPORTER_GET_CLASS (run->importer);
  gboolean has_record;
  guint mask = ~0u, n_values = 0;

  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  while (preview->rows->len < max_rows &&
         sl_csv_reader_next (priv->reader, &has_record, run->cancellable, error) && has_record)
    {
      g_ptr_array_add (preview->rows, record_to_strv (priv->reader));
      for (guint i = 0; i < klass->n_date_fields; i++)
        {
          const char *text = sl_importer_get_text (run->importer, klass->date_fields[i]);

          if (text != NULL && *text != '\0' && sl_date_text_orders (text) != 0)
            mask &= sl_date_text_orders (text), n_values++;
        }
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  preview->date_order = n_values == 0 ? SL_DATE_ORDER_AUTO : sl_date_text_pick (mask);
  return TRUE;
}

SlImportPreview *
sl_import_preview (SlDatabase             *db,
                   GFile                  *file,
                   const SlImportOptions  *options,
                   guint                   max_rows,
                   GError                **error)
{
  GType type = sl_importer_type_for_kind (options->kind);
  g_autoptr(SlImporter) importer = NULL;
  g_autoptr(SlImportPreview) preview = g_new0 (SlImportPreview, 1);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  SlImporterPrivate *priv;
  Run run = { 0 };
  gboolean has_record;

  g_return_val_if_fail (G_IS_FILE (file) && options != NULL, NULL);

  if (type == G_TYPE_INVALID)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED,
                   _("Importing %s files is not available yet"), sl_import_kind_to_string (options->kind));
      return NULL;
    }
  importer = g_object_new (type, NULL);
  priv = sl_importer_get_private (importer);
  priv->options = *options;
  priv->file_name = g_file_get_basename (file);
  run.importer = importer;
  run.file = file;
  if (db != NULL && options->mapping == NULL && options->preset == NULL &&
      (priv->saved_mappings = sl_import_mapping_list (db, options->kind, error)) == NULL)
    return NULL;

  priv->reader = open_reader (&run, error);
  if (priv->reader == NULL || !next_header (&run, &has_record, error))
    return NULL;
  if (!has_record)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_NO_ROWS, _("%s: the file is empty"), priv->file_name);
      return NULL;
    }
  preview->header = record_to_strv (priv->reader);
  if (!sl_importer_map_header (importer, missing, error) || !read_sample (&run, preview, max_rows, error))
    return NULL;

  g_ptr_array_add (missing, NULL);
  preview->missing = (GStrv)g_ptr_array_free (g_steal_pointer (&missing), FALSE);
  preview->preset = g_strdup (priv->preset ? priv->preset->id : "generic");
  preview->source = priv->mapping ? g_strdup (priv->mapping->source) : NULL;
  if (priv->options.date_order != SL_DATE_ORDER_AUTO)
    preview->date_order = priv->options.date_order;
  preview->delimiter = sl_csv_reader_get_delimiter (priv->reader);
  preview->encoding = sl_csv_reader_get_encoding (priv->reader);
  describe_mapping (importer, preview);
  return g_steal_pointer (&preview);
}
