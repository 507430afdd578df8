/* sunlight-cli.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sl-database.h"
#include "sl-demo.h"
#include "sl-money.h"
#include "sl-period.h"
#include "sunlight-cli.h"

/* Progress is shown on a terminal from this many spend rows on. */
#define PROGRESS_MIN_ROWS 200000

typedef int (*CommandFunc) (int    argc,
                            char **argv);

static int command_demo (int argc, char **argv);
static int command_new  (int argc, char **argv);
static int command_info (int argc, char **argv);

static const struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} commands[] = {
  { "demo", command_demo, N_("Write a demo workspace with a year of realistic data") },
  { "new",  command_new,  N_("Create an empty workspace") },
  { "info", command_info, N_("Show a workspace’s settings and how many rows it holds") },
  { "import", sl_cli_command_import, N_("Import a CSV file of spend, funnel, revenue or plan") },
  { "batches", sl_cli_command_batches, N_("List the imports of a workspace") },
  { "mappings", sl_cli_command_mappings, N_("List the column mappings saved in a workspace") },
  { "undo-import", sl_cli_command_undo_import, N_("Remove one import whole") },
  { "plan", sl_cli_command_plan, N_("List the reallocation plans, or apply an approved one") },
  { "report", sl_cli_command_report, N_("Print a period’s metrics by channel, campaign or month") },
  { "sync", sl_cli_command_sync, N_("Share the workspace’s goals, plans and decisions through a server") },
};

/* The main tables `info` counts, with their (constant) queries. */
static const struct
{
  const char *table;
  const char *sql;
} counted_tables[] = {
  { "channel", "SELECT count(*) FROM channel" },
  { "campaign", "SELECT count(*) FROM campaign" },
  { "goal", "SELECT count(*) FROM goal" },
  { "key_result", "SELECT count(*) FROM key_result" },
  { "kpi", "SELECT count(*) FROM kpi" },
  { "finance_event", "SELECT count(*) FROM finance_event" },
  { "budget_line", "SELECT count(*) FROM budget_line" },
  { "import_batch", "SELECT count(*) FROM import_batch" },
  { "spend", "SELECT count(*) FROM spend" },
  { "deal", "SELECT count(*) FROM deal" },
  { "touchpoint", "SELECT count(*) FROM touchpoint" },
  { "customer", "SELECT count(*) FROM customer" },
  { "customer_mrr", "SELECT count(*) FROM customer_mrr" },
  { "rollup_day", "SELECT count(*) FROM rollup_day" },
  { "annotation", "SELECT count(*) FROM annotation" },
  { "realloc_plan", "SELECT count(*) FROM realloc_plan" },
  { "comment", "SELECT count(*) FROM comment" },
  { "decision", "SELECT count(*) FROM decision" },
};

static void
print_error (const char *message)
{
  g_printerr ("sunlight-cli: %s\n", message);
}

int
fail_with (GError *error)
{
  print_error (error->message);
  g_error_free (error);
  return 1;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  sunlight-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n",
           /* Translators: do not translate “sunlight-cli COMMAND --help” */
           _("Run “sunlight-cli COMMAND --help” to see a command’s options."));
}

GOptionContext *
command_context (const char         *command,
                 const char         *parameters,
                 const char         *summary,
                 const GOptionEntry *entries)
{
  g_autofree char *prgname = g_strconcat ("sunlight-cli ", command, NULL);
  GOptionContext *context = g_option_context_new (parameters);

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Exactly one positional argument: the workspace file. */
gboolean
take_path (int          argc,
           char       **argv,
           const char  *example,
           const char **out,
           GError     **error)
{
  if (argc < 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   /* Translators: %s is an example command line */
                   _("Give the workspace file, e.g. “%s”"), example);
      return FALSE;
    }
  if (argc > 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   /* Translators: %s is what the user typed */
                   _("Unexpected argument “%s”"), argv[2]);
      return FALSE;
    }
  *out = argv[1];
  return TRUE;
}

gboolean
parse_integer (const char  *option,
               const char  *text,
               gint64       min,
               gint64       max,
               gint64      *out,
               GError     **error)
{
  if (!g_ascii_string_to_signed (text, 10, min, max, out, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: an option name, what the user typed, then the bounds */
                   _("%s: “%s” is not a whole number from %lld to %lld"),
                   option, text, (long long)min, (long long)max);
      return FALSE;
    }
  return TRUE;
}

/* "8", "7.5", "12.25" → basis points; exact, no floating point. */
static gboolean
parse_percent (const char  *text,
               int         *basis_points,
               GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);
  guint64 whole = 0, fraction = 0;
  gsize n_parts = g_strv_length (parts);
  gsize decimals = n_parts == 2 ? strlen (parts[1]) : 0;

  if (n_parts < 1 || n_parts > 2 || decimals > 2 ||
      (n_parts == 2 && decimals == 0) ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 100, &whole, NULL) ||
      (decimals > 0 && !g_ascii_string_to_unsigned (parts[1], 10, 0, 99, &fraction, NULL)) ||
      (decimals > 0 && parts[1][0] == '+'))
    goto bad;
  if (decimals == 1)
    fraction *= 10;
  if (whole * 100 + fraction > 10000)
    goto bad;
  *basis_points = (int)(whole * 100 + fraction);
  return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: %s is what the user typed */
               _("--reserve: “%s” is not a percentage from 0 to 100 (with at most two decimals)"), text);
  return FALSE;
}

/* Refuses an existing file unless @force, which removes it and its
 * journal files first. */
static gboolean
make_room (const char  *path,
           gboolean     force,
           GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!force)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is a file name; do not translate --force */
                   _("“%s” already exists; use --force to replace it"), path);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_remove (file) != 0 && (i == 0 || g_file_test (file, G_FILE_TEST_EXISTS)))
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: a file name, then the reason */
                       _("Cannot remove “%s”: %s"), file, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

/* Removes a workspace this run created and could not finish. */
static void
discard_workspace (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* demo */

typedef struct
{
  int last_percent;
} DemoProgress;

static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  DemoProgress *progress = user_data;
  int percent = (int)(fraction * 100);

  if (percent == progress->last_percent)
    return;
  progress->last_percent = percent;
  printf ("\r");
  /* Translators: a progress line; %d is a percentage */
  printf (_("Writing the demo workspace… %d%%"), percent);
  fflush (stdout);
}

static gint64
count_rows (SlDatabase *db,
            const char *sql)
{
  gint64 n = 0;

  if (!sl_database_query_int64 (db, sql, &n, NULL))
    return -1;
  return n;
}

static void
print_demo_summary (SlDatabase *db,
                    const char *path,
                    double      seconds)
{
  gint64 n_channels = count_rows (db, "SELECT count(*) FROM channel");
  gint64 n_campaigns = count_rows (db, "SELECT count(*) FROM campaign");
  gint64 n_spend = count_rows (db, "SELECT count(*) FROM spend");
  gint64 n_deals = count_rows (db, "SELECT count(*) FROM deal");
  g_autofree char *channels = g_strdup_printf (ngettext ("%lld channel", "%lld channels", n_channels),
                                               (long long)n_channels);
  g_autofree char *campaigns = g_strdup_printf (ngettext ("%lld campaign", "%lld campaigns", n_campaigns),
                                                (long long)n_campaigns);
  g_autofree char *spend = g_strdup_printf (ngettext ("%lld spend row", "%lld spend rows", n_spend),
                                            (long long)n_spend);
  g_autofree char *deals = g_strdup_printf (ngettext ("%lld deal", "%lld deals", n_deals),
                                            (long long)n_deals);

  /* Translators: the file, then “7 channels”, “21 campaigns”, “5,000 spend
   * rows” and “4,000 deals”, then the time taken in seconds */
  printf (_("Wrote %s: %s, %s, %s, %s in %.1f s\n"), path, channels, campaigns, spend, deals, seconds);
}

static int
command_demo (int    argc,
              char **argv)
{
  g_autofree char *seed_text = NULL;
  g_autofree char *rows_text = NULL;
  g_autofree char *year_text = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("Seed of the random numbers (default 1)"), N_("N") },
    { "rows", 0, 0, G_OPTION_ARG_STRING, &rows_text,
      N_("Write exactly N spend rows (default: one per campaign and day)"), N_("N") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year the demo covers (default: this year)"), N_("YYYY") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the file if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(SlDatabase) db = NULL;
  GError *error = NULL;
  SlDemoOptions options = { 1, 0, g_date_time_get_year (today) };
  DemoProgress progress = { -1 };
  gboolean show_progress;
  const char *path = NULL;
  gint64 value, start;

  context = command_context ("demo", _("OUT.sunlight"),
                             _("Writes a demo workspace: seven channels, their campaigns, a year’s plan "
                               "and reserve, daily spend up to October 15, deals, customers and MRR. "
                               "The same options always write the same data."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !take_path (argc, argv, "sunlight-cli demo demo.sunlight", &path, &error))
    return fail_with (error);

  if (seed_text != NULL)
    {
      if (!parse_integer ("--seed", seed_text, 0, G_MAXUINT32, &value, &error))
        return fail_with (error);
      options.seed = (guint32)value;
    }
  if (rows_text != NULL)
    {
      if (!parse_integer ("--rows", rows_text, 0, G_GINT64_CONSTANT (10000000000), &value, &error))
        return fail_with (error);
      options.spend_rows = value;
    }
  if (year_text != NULL)
    {
      if (!parse_integer ("--year", year_text, 1971, 9998, &value, &error))
        return fail_with (error);
      options.fiscal_year = (int)value;
    }

  if (!make_room (path, force, &error))
    return fail_with (error);

  start = g_get_monotonic_time ();
  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  if (db == NULL)
    return fail_with (error);

  show_progress = isatty (STDOUT_FILENO) && options.spend_rows >= PROGRESS_MIN_ROWS;
  if (!sl_demo_write (db, &options, show_progress ? demo_progress_cb : NULL, &progress, &error))
    {
      if (show_progress)
        printf ("\n");
      g_clear_object (&db);
      discard_workspace (path);
      return fail_with (error);
    }
  if (show_progress)
    printf ("\n");

  print_demo_summary (db, path, (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

/* new */

static int
command_new (int    argc,
             char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *calendar_text = NULL;
  g_autofree char *fiscal_text = NULL;
  g_autofree char *reserve_text = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The workspace’s name (required)"), N_("NAME") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("ISO 4217 code of the workspace currency, e.g. USD (required)"), N_("CODE") },
    { "calendar", 0, 0, G_OPTION_ARG_STRING, &calendar_text,
      N_("gregorian, solar-hijri or thai (default gregorian)"), N_("CALENDAR") },
    { "fiscal-start", 0, 0, G_OPTION_ARG_STRING, &fiscal_text,
      N_("Month of the calendar the fiscal year starts in, 1–12 (default 1)"), N_("MONTH") },
    { "reserve", 0, 0, G_OPTION_ARG_STRING, &reserve_text,
      N_("Discretionary reserve, percent of the budget (default 8)"), N_("PERCENT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the file if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlDatabase) db = NULL;
  GError *error = NULL;
  SlCalendar calendar = SL_CALENDAR_GREGORIAN;
  gint64 fiscal_start = 1;
  int reserve = 800;
  const char *path = NULL;

  context = command_context ("new", _("OUT.sunlight"), _("Creates an empty workspace."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !take_path (argc, argv, "sunlight-cli new budget.sunlight --name Acme --currency USD", &path, &error))
    return fail_with (error);

  if (name == NULL || *g_strstrip (name) == '\0')
    {
      print_error (_("--name is required: give the workspace a name"));
      return 1;
    }
  if (currency == NULL)
    {
      print_error (_("--currency is required, e.g. --currency USD"));
      return 1;
    }
  g_strstrip (currency);
  for (char *p = currency; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  if (!sl_currency_is_valid (currency))
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed */
        g_strdup_printf (_("--currency: “%s” is not an ISO 4217 currency code (e.g. USD, EUR, THB, IRR)"), currency);
      print_error (message);
      return 1;
    }
  if (calendar_text != NULL && !sl_calendar_from_string (calendar_text, &calendar))
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed; do not translate the calendar names */
        g_strdup_printf (_("--calendar: “%s” is not a calendar; use gregorian, solar-hijri or thai"), calendar_text);
      print_error (message);
      return 1;
    }
  if (fiscal_text != NULL && !g_ascii_string_to_signed (fiscal_text, 10, 1, 12, &fiscal_start, NULL))
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed */
        g_strdup_printf (_("--fiscal-start: “%s” is not a month from 1 to 12"), fiscal_text);
      print_error (message);
      return 1;
    }
  if (reserve_text != NULL && !parse_percent (reserve_text, &reserve, &error))
    return fail_with (error);

  if (!make_room (path, force, &error))
    return fail_with (error);
  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  if (db == NULL)
    return fail_with (error);
  if (!sl_workspace_row_insert (db, name, currency, calendar, (int)fiscal_start, reserve, &error))
    {
      g_clear_object (&db);
      discard_workspace (path);
      return fail_with (error);
    }

  /* Translators: a file name, then the workspace's name */
  printf (_("Created %s (“%s”)\n"), path, name);
  return 0;
}

/* info */

static void
print_settings (SlDatabase *db)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *month_name = NULL;
  SlCalendar calendar = SL_CALENDAR_GREGORIAN;
  gboolean has_row = FALSE;
  int fiscal_start, reserve;

  stmt = sl_database_prepare (db,
                              "SELECT name, currency, calendar, fiscal_start_month, reserve_basis_points "
                              "FROM workspace WHERE id = 1",
                              NULL);
  if (stmt == NULL || !sl_database_step_row (db, stmt, &has_row, NULL) || !has_row)
    {
      printf ("%s\n", _("No workspace settings (the workspace row is missing)"));
      return;
    }

  sl_calendar_from_string ((const char *)sqlite3_column_text (stmt, 2), &calendar);
  fiscal_start = sqlite3_column_int (stmt, 3);
  reserve = sqlite3_column_int (stmt, 4);
  if (fiscal_start >= 1 && fiscal_start <= 12)
    month_name = sl_calendar_month_name (calendar, fiscal_start, NULL);

  printf (_("Name: %s\n"), (const char *)sqlite3_column_text (stmt, 0));
  printf (_("Currency: %s\n"), (const char *)sqlite3_column_text (stmt, 1));
  printf (_("Calendar: %s\n"), (const char *)sqlite3_column_text (stmt, 2));
  /* Translators: a month's name, then its number */
  printf (_("Fiscal year starts: %s (month %d)\n"), month_name != NULL ? month_name : "?", fiscal_start);
  /* Translators: a percentage with two decimals, e.g. “8.00%” */
  printf (_("Reserve: %d.%02d%%\n"), reserve / 100, reserve % 100);
}

static int
command_info (int    argc,
              char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlDatabase) db = NULL;
  GError *error = NULL;
  const char *path = NULL;

  context = command_context ("info", _("WORKSPACE"),
                             _("Shows a workspace’s settings, its format version and the rows of its main tables."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !take_path (argc, argv, "sunlight-cli info budget.sunlight", &path, &error))
    return fail_with (error);

  db = sl_database_open (path, SL_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL)
    return fail_with (error);

  print_settings (db);
  printf (_("Schema version: %d\n"), sl_database_get_schema_version (db));
  printf ("%s\n", _("Rows:"));
  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    {
      gint64 n = 0;

      if (!sl_database_query_int64 (db, counted_tables[i].sql, &n, &error))
        return fail_with (error);
      printf ("  %-14s %12lld\n", counted_tables[i].table, (long long)n);
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return 1;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "-?") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("sunlight-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  {
    g_autofree char *message =
      /* Translators: %s is what the user typed */
      g_strdup_printf (_("Unknown command “%s”"), argv[1]);

    print_error (message);
    print_usage (stderr);
  }
  return 1;
}
