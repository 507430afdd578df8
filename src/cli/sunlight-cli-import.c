/* sunlight-cli-import.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "sl-import-batch.h"
#include "sl-import-mapping.h"
#include "sl-importer.h"
#include "sunlight-cli.h"

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  fprintf (stderr, "\r%3d %%", (int)(fraction * 100));
  fflush (stderr);
}

typedef struct
{
  char     *kind;
  char     *preset;
  char     *date_order;
  char     *encoding;
  char     *delimiter;
  char     *date;
  char     *version;
  char     *rejects;
  char     *join;
  GStrv     map;
  char     *mapping;
  char     *save_mapping;
  gboolean  valid_rows;
  gboolean  allow_duplicate;
  gboolean  decimal_comma;
} ImportArgs;

static void
import_args_clear (ImportArgs *args)
{
  g_free (args->kind);
  g_free (args->preset);
  g_free (args->date_order);
  g_free (args->encoding);
  g_free (args->delimiter);
  g_free (args->date);
  g_free (args->version);
  g_free (args->rejects);
  g_free (args->join);
  g_strfreev (args->map);
  g_free (args->mapping);
  g_free (args->save_mapping);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportArgs, import_args_clear)

static gboolean
bad_option (GError     **error,
            const char  *option,
            const char  *value,
            const char  *allowed)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: an option, what the user typed, then the values allowed */
               _("%s: “%s” is not one of %s"), option, value, allowed);
  return FALSE;
}

static gboolean
parse_delimiter (const char  *text,
                 char        *out,
                 GError     **error)
{
  if (g_str_equal (text, ",") || g_str_equal (text, "comma"))
    *out = ',';
  else if (g_str_equal (text, ";") || g_str_equal (text, "semicolon"))
    *out = ';';
  else if (g_str_equal (text, "tab") || g_str_equal (text, "\t"))
    *out = '\t';
  else if (g_str_equal (text, "whitespace"))
    *out = SL_CSV_DELIMITER_WHITESPACE;
  else
    return bad_option (error, "--delimiter", text, "comma, semicolon, tab, whitespace");
  return TRUE;
}

static gboolean
options_from_args (ImportArgs       *args,
                   SlImportOptions  *options,
                   GError          **error)
{
  SlImportKind kind;

  if (args->kind == NULL || !sl_import_kind_from_string (args->kind, &kind))
    return bad_option (error, "--kind", args->kind ? args->kind : "", "spend, funnel, revenue, plan");
  sl_import_options_init (options, kind);
  options->preset = args->preset;
  options->policy = args->valid_rows ? SL_IMPORT_VALID_ROWS : SL_IMPORT_ALL_OR_NOTHING;
  options->allow_duplicate = args->allow_duplicate;
  options->decimal_comma = args->decimal_comma;
  options->rejects_path = args->rejects;
  options->join_path = args->join;
  options->author = g_get_real_name ();
  if (args->version != NULL)
    options->version = args->version;
  if (args->date_order != NULL && !sl_date_order_from_string (args->date_order, &options->date_order))
    return bad_option (error, "--date-order", args->date_order, "auto, iso, dmy, mdy, ymd");
  if (args->encoding != NULL && !sl_csv_encoding_from_string (args->encoding, &options->encoding))
    return bad_option (error, "--encoding", args->encoding, "auto, utf-8, utf-16le, utf-16be, windows-1252");
  if (args->delimiter != NULL && !parse_delimiter (args->delimiter, &options->delimiter, error))
    return FALSE;
  if (args->date != NULL && !sl_day_parse_iso (args->date, &options->default_day, error))
    return FALSE;
  return TRUE;
}

/* --mapping NAME starts from a saved mapping; --map FIELD=COLUMN sets
 * fields (on top of it, if any); --save-mapping NAME keeps the result
 * with the import. */
static gboolean
mapping_from_args (ImportArgs             *args,
                   SlDatabase             *db,
                   const SlImportOptions  *options,
                   SlImportMapping       **out,
                   GError                **error)
{
  g_autoptr(SlImportMapping) mapping = NULL;
  SlImportKind kind = options->kind;

  *out = NULL;
  if (args->mapping == NULL && args->map == NULL && args->save_mapping == NULL)
    return TRUE;
  if (args->mapping != NULL)
    {
      mapping = sl_import_mapping_load (db, args->mapping, error);
      if (mapping == NULL)
        return FALSE;
      if (mapping->kind != kind)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: a mapping's name, then kinds of import (spend, funnel…) */
                       _("The mapping “%s” is for %s imports, not %s"), args->mapping,
                       sl_import_kind_to_string (mapping->kind), sl_import_kind_to_string (kind));
          return FALSE;
        }
    }
  else
    mapping = sl_import_mapping_new (kind);

  for (guint i = 0; args->map != NULL && args->map[i] != NULL; i++)
    if (!sl_import_mapping_assign (mapping, args->map[i], error))
      return FALSE;
  if (args->save_mapping != NULL)
    {
      g_free (mapping->source);
      mapping->source = g_strdup (args->save_mapping);
    }
  else if (args->map != NULL)
    /* Changed and not saved: a one-off, not the saved one. */
    g_clear_pointer (&mapping->source, g_free);
  /* How the file writes dates and amounts belongs to the source too. */
  if (options->date_order != SL_DATE_ORDER_AUTO)
    mapping->date_order = options->date_order;
  mapping->decimal_comma |= options->decimal_comma;
  *out = g_steal_pointer (&mapping);
  return TRUE;
}

static int
exit_code_for (const GError *error)
{
  if (g_error_matches (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_DUPLICATE_FILE))
    return SL_CLI_DUPLICATE_FILE;
  if (g_error_matches (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_AMBIGUOUS_DATES))
    return SL_CLI_AMBIGUOUS_DATES;
  return SL_CLI_FAILED;
}

static void
print_result (const SlImportResult *result)
{
  /* Translators: %lld an import number, %s a mapping name, then row counts */
  printf (_("Import %lld (%s): %llu rows imported, %llu rejected\n"),
          (long long)result->batch_id, result->source ? result->source : result->preset,
          (unsigned long long)result->rows_accepted, (unsigned long long)result->rows_rejected);
  for (guint i = 0; i < MIN (result->rejects->len, 20); i++)
    {
      SlImportReject *reject = g_ptr_array_index (result->rejects, i);

      /* Translators: a line number, a column, then why the row was rejected */
      fprintf (stderr, _("  line %llu, %s: %s\n"), (unsigned long long)reject->line,
               reject->column, reject->reason);
    }
  if (result->rejects_path != NULL)
    /* Translators: %s is a file name */
    fprintf (stderr, _("Rejected rows, with the reasons, are in %s\n"), result->rejects_path);
}

int
sl_cli_command_import (int    argc,
                       char **argv)
{
  g_auto(ImportArgs) args = { 0 };
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &args.kind, N_("What the file holds: spend, funnel, revenue or plan"), N_("KIND") },
    { "preset", 'p', 0, G_OPTION_ARG_STRING, &args.preset, N_("The column mapping (default: detected from the header)"), N_("NAME") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &args.date_order, N_("How dates are written: auto, iso, dmy, mdy or ymd"), N_("ORDER") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &args.date, N_("The day of every row, for exports without dates"), N_("YYYY-MM-DD") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &args.encoding, N_("auto, utf-8, utf-16le, utf-16be or windows-1252"), N_("ENCODING") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &args.delimiter, N_("comma, semicolon, tab or whitespace (default: detected)"), N_("DELIMITER") },
    { "decimal-comma", 0, 0, G_OPTION_ARG_NONE, &args.decimal_comma, N_("Amounts are written 1.234,56"), NULL },
    { "version", 0, 0, G_OPTION_ARG_STRING, &args.version, N_("Plan imports: plan, request or forecast"), N_("VERSION") },
    { "valid-rows", 0, 0, G_OPTION_ARG_NONE, &args.valid_rows, N_("Import the valid rows and set the others aside (default: all or nothing)"), NULL },
    { "rejects", 0, 0, G_OPTION_ARG_FILENAME, &args.rejects, N_("Where to write the rejected rows"), N_("FILE") },
    { "join", 0, 0, G_OPTION_ARG_FILENAME, &args.join, N_("Funnel imports: a second file whose rows join the main file’s by id (e.g. Olist’s closed deals)"), N_("FILE") },
    { "allow-duplicate", 0, 0, G_OPTION_ARG_NONE, &args.allow_duplicate, N_("Import a file even if it was imported before"), NULL },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &args.map, N_("Read a field from a column, e.g. “spend=Total cost”, or give the channel, “channel-name=TikTok” (repeatable)"), N_("FIELD=COLUMN") },
    { "mapping", 0, 0, G_OPTION_ARG_STRING, &args.mapping, N_("Use a saved column mapping (default: one whose columns the file has)"), N_("NAME") },
    { "save-mapping", 0, 0, G_OPTION_ARG_STRING, &args.save_mapping, N_("Save the column mapping under this name with the import"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(SlImportMapping) mapping = NULL;
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;
  SlImportOptions options;
  int code;

  context = command_context ("import", _("WORKSPACE FILE"),
                             _("Imports a CSV file as one batch. By default any bad row stops the import "
                               "and the workspace is left unchanged. Exit status: 0 imported, 1 failed, "
                               "3 the file was imported before, 4 the date order must be given."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail_with (error);
  if (argc != 3)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s",
                   _("Give the workspace and the file, e.g. “sunlight-cli import budget.sunlight --kind spend spend.csv”"));
      return fail_with (error);
    }
  if (!options_from_args (&args, &options, &error))
    return fail_with (error);

  db = sl_database_open (argv[1], SL_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL || !mapping_from_args (&args, db, &options, &mapping, &error))
    return fail_with (error);
  options.mapping = mapping;
  file = g_file_new_for_commandline_arg (argv[2]);
  if (!sl_import_file (db, file, &options, isatty (STDERR_FILENO) ? progress_cb : NULL, NULL,
                       NULL, &result, &error))
    {
      if (isatty (STDERR_FILENO))
        fputs ("\r", stderr);
      code = exit_code_for (error);
      fail_with (error);
      return code;
    }
  if (isatty (STDERR_FILENO))
    fputs ("\r", stderr);
  print_result (result);
  return SL_CLI_OK;
}

int
sl_cli_command_batches (int    argc,
                        char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  GError *error = NULL;
  const char *path = NULL;

  context = command_context ("batches", _("WORKSPACE"),
                             _("Lists the imports of a workspace, newest first: number, kind, rows, time and file."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !take_path (argc, argv, "sunlight-cli batches budget.sunlight", &path, &error))
    return fail_with (error);

  db = sl_database_open (path, SL_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL || (batches = sl_import_batch_list (db, &error)) == NULL)
    return fail_with (error);

  for (guint i = 0; i < batches->len; i++)
    {
      SlImportBatch *batch = g_ptr_array_index (batches, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (batch->imported_at / G_USEC_PER_SEC);
      g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d %H:%M");

      /* Machine-friendly: tab-separated, one import per line. */
      printf ("%lld\t%s\t%lld\t%lld\t%s\t%s\n", (long long)batch->id, batch->kind,
              (long long)batch->rows_accepted, (long long)batch->rows_rejected, stamp, batch->file_name);
    }
  return SL_CLI_OK;
}

int
sl_cli_command_undo_import (int    argc,
                            char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlDatabase) db = NULL;
  GError *error = NULL;
  gint64 id;

  context = command_context ("undo-import", _("WORKSPACE ID"),
                             _("Removes an import whole: its rows, their rollups, and the channels and "
                               "campaigns it created that nothing else uses."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail_with (error);
  if (argc != 3)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s",
                   _("Give the workspace and the import’s number, e.g. “sunlight-cli undo-import budget.sunlight 3”"));
      return fail_with (error);
    }
  if (!parse_integer ("ID", argv[2], 1, G_MAXINT64, &id, &error))
    return fail_with (error);

  db = sl_database_open (argv[1], SL_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL || !sl_import_batch_undo (db, id, &error))
    return fail_with (error);
  /* Translators: %lld is an import's number */
  printf (_("Removed import %lld\n"), (long long)id);
  return SL_CLI_OK;
}

int
sl_cli_command_mappings (int    argc,
                         char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlDatabase) db = NULL;
  GError *error = NULL;
  const char *path = NULL;
  const SlImportKind kinds[] = { SL_IMPORT_SPEND, SL_IMPORT_FUNNEL, SL_IMPORT_REVENUE, SL_IMPORT_PLAN };

  context = command_context ("mappings", _("WORKSPACE"),
                             _("Lists the column mappings saved in a workspace: name, kind and mapping."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !take_path (argc, argv, "sunlight-cli mappings budget.sunlight", &path, &error))
    return fail_with (error);

  db = sl_database_open (path, SL_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL)
    return fail_with (error);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) mappings = sl_import_mapping_list (db, kinds[k], &error);

      if (mappings == NULL)
        return fail_with (error);
      for (guint i = 0; i < mappings->len; i++)
        {
          SlImportMapping *mapping = g_ptr_array_index (mappings, i);
          g_autofree char *json = sl_import_mapping_to_json (mapping);

          /* Machine-friendly: tab-separated, one mapping per line. */
          printf ("%s\t%s\t%s\n", mapping->source, sl_import_kind_to_string (kinds[k]), json);
        }
    }
  return SL_CLI_OK;
}
