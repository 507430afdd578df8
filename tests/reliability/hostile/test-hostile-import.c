/* test-hostile-import.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every importer, every text field, every hostile string: one file per
 * string and field, imported through sl_import_file() into one
 * workspace, read back through the stores and SQL byte for byte. Text
 * that is not text (control characters, bytes that are not UTF-8) is
 * refused naming the file, line and column, and the workspace stays as
 * it was.
 * In the end every table is still there, untouched in its schema, and
 * the row counts are what the accepted files add up to.
 */

#include "config.h"

#include <string.h>

#include "hostile-strings.h"
#include "sl-budget-line-store.h"
#include "sl-campaign-store.h"
#include "sl-channel-store.h"
#include "sl-import-batch.h"
#include "sl-test-utils.h"

#define MAX_COLUMNS 8

typedef enum
{
  MODE_PLAIN,           /* the cell is the string */
  MODE_TOUCH_CHANNEL,   /* "STRING/Spring@2025-02-20" */
  MODE_TOUCH_CAMPAIGN,  /* "Search/STRING@2025-02-20" */
  MODE_STAGE,           /* not stored: the deal stays open */
  MODE_GOAL,            /* a goal's objective, which must exist */
} FieldMode;

typedef struct
{
  const char *name;     /* for messages */
  guint       column;   /* in the header */
  FieldMode   mode;
} TextField;

typedef struct
{
  SlImportKind  kind;
  const char   *header[MAX_COLUMNS];
  guint         n_columns;
  TextField     fields[8];
  guint         n_fields;
  /* The fields as stored, in field order, of the rows of batch ?1. */
  const char   *read_back;
  /* The table that gains one row per accepted file. */
  const char   *fact_table;
} Importer;

static const Importer importers[] = {
  { SL_IMPORT_SPEND, { "date", "channel", "campaign", "spend" }, 4,
    { { "channel", 1, MODE_PLAIN }, { "campaign", 2, MODE_PLAIN } }, 2,
    "SELECT ch.name, ca.name FROM spend s JOIN campaign ca ON ca.id = s.campaign_id "
    "JOIN channel ch ON ch.id = ca.channel_id WHERE s.batch_id = ?1",
    "spend" },
  { SL_IMPORT_FUNNEL, { "id", "created", "stage", "channel", "campaign", "amount", "owner", "touchpoints" }, 8,
    { { "id", 0, MODE_PLAIN }, { "stage", 2, MODE_STAGE }, { "channel", 3, MODE_PLAIN },
      { "campaign", 4, MODE_PLAIN }, { "owner", 6, MODE_PLAIN },
      { "touchpoints (channel)", 7, MODE_TOUCH_CHANNEL }, { "touchpoints (campaign)", 7, MODE_TOUCH_CAMPAIGN } }, 7,
    "SELECT d.external_id, CASE WHEN d.won_day IS NULL AND d.lost_day IS NULL THEN 'open' ELSE 'closed' END, "
    "ch.name, ca.name, d.owner, tch.name, tca.name FROM deal d "
    "JOIN channel ch ON ch.id = d.channel_id JOIN campaign ca ON ca.id = d.campaign_id "
    "JOIN touchpoint t ON t.deal_id = d.id AND t.position = 1 "
    "JOIN channel tch ON tch.id = t.channel_id JOIN campaign tca ON tca.id = t.campaign_id "
    "WHERE d.batch_id = ?1",
    "deal" },
  { SL_IMPORT_REVENUE, { "customer", "name", "date", "amount", "channel", "campaign" }, 6,
    { { "customer", 0, MODE_PLAIN }, { "name", 1, MODE_PLAIN }, { "channel", 4, MODE_PLAIN },
      { "campaign", 5, MODE_PLAIN } }, 4,
    "SELECT cu.external_id, cu.name, ch.name, ca.name FROM customer cu "
    "JOIN channel ch ON ch.id = cu.channel_id JOIN campaign ca ON ca.id = cu.campaign_id "
    "WHERE cu.batch_id = ?1",
    "customer" },
  { SL_IMPORT_PLAN, { "channel", "campaign", "month", "amount", "goal", "note" }, 6,
    { { "channel", 0, MODE_PLAIN }, { "campaign", 1, MODE_PLAIN }, { "goal", 4, MODE_GOAL },
      { "note", 5, MODE_PLAIN } }, 4,
    "SELECT ch.name, ifnull (ca.name, ''), ifnull (g.objective, ''), bl.note FROM budget_line bl "
    "JOIN channel ch ON ch.id = bl.channel_id LEFT JOIN campaign ca ON ca.id = bl.campaign_id "
    "LEFT JOIN goal g ON g.id = bl.goal_id WHERE bl.batch_id = ?1",
    "budget_line" },
};

typedef struct
{
  SlImportFixture  base;
  GPtrArray       *strings;
  guint            serial;     /* files written */
  guint            accepted;
  guint            refused;
  GHashTable      *channels;   /* names that must be in the channel store */
  GHashTable      *campaigns;
  GHashTable      *notes;
  char            *schema;
} Fixture;

static const char schema_sql[] = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name";

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sl_import_fixture_setup (&f->base, data);
  f->strings = hostile_strings_new (TRUE);
  f->channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->campaigns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->schema = sl_test_query_text (f->base.db, schema_sql);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_ptr_array_unref (f->strings);
  g_hash_table_unref (f->channels);
  g_hash_table_unref (f->campaigns);
  g_hash_table_unref (f->notes);
  g_free (f->schema);
  sl_import_fixture_teardown (&f->base, data);
}

/* What the importer keeps of a cell: the text without the white space
 * around it. */
static char *
expected_text (const HostileString *s)
{
  return g_strstrip (g_strdup (s->text));
}

static gboolean
field_takes (const TextField     *field,
             const HostileString *s)
{
  /* The touchpoint list's own syntax: ';' separates entries, '@' the
   * day, '/' the campaign. */
  if ((field->mode == MODE_TOUCH_CHANNEL || field->mode == MODE_TOUCH_CAMPAIGN) &&
      (s->flags & HOSTILE_TOUCH_SEP) != 0)
    return FALSE;
  return TRUE;
}

static void
default_row (const Importer *importer,
             guint           serial,
             char          **cells)
{
  switch (importer->kind)
    {
    case SL_IMPORT_SPEND:
      cells[0] = g_strdup ("2025-03-01");
      cells[1] = g_strdup ("Search");
      cells[2] = g_strdup ("Brand");
      cells[3] = g_strdup ("1.00");
      break;
    case SL_IMPORT_FUNNEL:
      cells[0] = g_strdup_printf ("D%u", serial);
      cells[1] = g_strdup ("2025-03-01");
      cells[2] = g_strdup ("");
      cells[3] = g_strdup ("Search");
      cells[4] = g_strdup ("Brand");
      cells[5] = g_strdup ("100.00");
      cells[6] = g_strdup ("Ann");
      cells[7] = g_strdup ("Social/Spring@2025-02-20");
      break;
    case SL_IMPORT_REVENUE:
      cells[0] = g_strdup_printf ("C%u", serial);
      cells[1] = g_strdup ("Ann");
      cells[2] = g_strdup ("2025-01-05");
      cells[3] = g_strdup ("10.00");
      cells[4] = g_strdup ("Search");
      cells[5] = g_strdup ("Brand");
      break;
    case SL_IMPORT_PLAN:
    default:
      /* A cell of the plan takes one line: a month of its own each. */
      cells[0] = g_strdup ("Search");
      cells[1] = g_strdup ("");
      cells[2] = g_strdup_printf ("%04u-%02u", 2025 + serial / 12, serial % 12 + 1);
      cells[3] = g_strdup ("100.00");
      cells[4] = g_strdup ("");
      cells[5] = g_strdup ("");
      break;
    }
}

static char *
cell_for (const TextField *field,
          const char      *text)
{
  switch (field->mode)
    {
    case MODE_TOUCH_CHANNEL:
      return g_strconcat (text, "/Spring@2025-02-20", NULL);
    case MODE_TOUCH_CAMPAIGN:
      return g_strconcat ("Social/", text, "@2025-02-20", NULL);
    case MODE_PLAIN:
    case MODE_STAGE:
    case MODE_GOAL:
    default:
      return g_strdup (text);
    }
}

/* The row's fields as stored, in field order (NULL: the row is not there). */
static GStrv
read_back (Fixture        *f,
           const Importer *importer,
           gint64          batch_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt = sl_database_prepare (f->base.db, importer->read_back, &error);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sl_database_step_row (f->base.db, stmt, &has_row, &error);
  g_assert_no_error (error);
  if (!has_row)
    return NULL;
  g_assert_cmpint (sqlite3_column_count (stmt), ==, importer->n_fields);
  for (guint i = 0; i < importer->n_fields; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i);

      /* Byte for byte: no NUL inside, the length SQLite holds. */
      g_assert_cmpuint (strlen (text), ==, (gsize) sqlite3_column_bytes (stmt, i));
      g_strv_builder_add (values, text);
    }
  sl_database_step_row (f->base.db, stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_false (has_row);
  return g_strv_builder_end (values);
}

static void
assert_same (const char *what,
             const char *got,
             const char *expected)
{
  if (g_strcmp0 (got, expected) == 0)
    return;
  {
    g_autofree char *g = hostile_describe (got != NULL ? got : "(null)");
    g_autofree char *e = hostile_describe (expected);

    g_error ("%s: read back “%s”, expected “%s”", what, g, e);
  }
}

/* The values the other fields of the row must have kept. */
static const char *
default_stored (const Importer *importer,
                guint           field,
                guint           serial)
{
  static char id[32];

  switch (importer->kind)
    {
    case SL_IMPORT_SPEND:
      return field == 0 ? "Search" : "Brand";
    case SL_IMPORT_FUNNEL:
      {
        static const char * const values[] = { NULL, "open", "Search", "Brand", "Ann", "Social", "Spring" };

        if (field != 0)
          return values[field];
        g_snprintf (id, sizeof id, "D%u", serial);
        return id;
      }
    case SL_IMPORT_REVENUE:
      {
        static const char * const values[] = { NULL, "Ann", "Search", "Brand" };

        if (field != 0)
          return values[field];
        g_snprintf (id, sizeof id, "C%u", serial);
        return id;
      }
    case SL_IMPORT_PLAN:
    default:
      {
        static const char * const values[] = { "Search", "", "", "" };

        return values[field];
      }
    }
}

static void
remember (Fixture        *f,
          const Importer *importer,
          GStrv           stored)
{
  for (guint i = 0; i < importer->n_fields; i++)
    {
      const char *name = importer->fields[i].name;

      if (g_str_has_prefix (name, "channel") || g_str_has_suffix (name, "(channel)"))
        g_hash_table_add (f->channels, g_strdup (stored[i]));
      else if ((g_str_has_prefix (name, "campaign") || g_str_has_suffix (name, "(campaign)")) &&
               stored[i][0] != '\0')
        g_hash_table_add (f->campaigns, g_strdup (stored[i]));
      else if (importer->kind == SL_IMPORT_PLAN && strcmp (name, "note") == 0)
        g_hash_table_add (f->notes, g_strdup (stored[i]));
    }
}

static void
import_one (Fixture             *f,
            const Importer      *importer,
            guint                field_index,
            const HostileString *s)
{
  const TextField *field = &importer->fields[field_index];
  char *cells[MAX_COLUMNS] = { NULL };
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SlImportResult) result = NULL;
  g_autofree char *what = NULL;
  guint serial = f->serial++;
  SlImportOptions options;

  hostile_csv_row (csv, importer->header, importer->n_columns);
  default_row (importer, serial, cells);
  g_free (cells[field->column]);
  cells[field->column] = cell_for (field, s->text);
  hostile_csv_row (csv, (const char * const *) cells, importer->n_columns);
  for (guint i = 0; i < importer->n_columns; i++)
    g_free (cells[i]);

  name = g_strdup_printf ("hostile-%u.csv", serial);
  file = sl_import_fixture_write (&f->base, name, csv->str, (gssize) csv->len);
  what = g_strdup_printf ("%s %s ← %s", sl_import_kind_to_string (importer->kind), field->name, s->label);
  sl_import_options_init (&options, importer->kind);
  options.allow_duplicate = TRUE;
  if (importer->kind == SL_IMPORT_PLAN)
    options.version = "plan";

  if (!hostile_string_is_plain (s))
    {
      /* Not text: refused at the line and column (named by its
       * header), the workspace as it was. */
      g_autofree char *at = g_strdup_printf ("%s:2: column “%s”: ", name, importer->header[field->column]);
      g_autoptr(GError) error =
        sl_import_fixture_assert_file_refused (&f->base, file, &options, SL_CSV_ERROR,
                                               (s->flags & HOSTILE_NOT_UTF8) ? SL_CSV_ERROR_ENCODING
                                                                             : SL_CSV_ERROR_BINARY,
                                               at);
      g_test_message ("%s: refused: %s", what, error->message);
      f->refused++;
      return;
    }

  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) stored = NULL;

    if (!sl_import_file (f->base.db, file, &options, NULL, NULL, NULL, &result, &error))
      g_error ("%s: refused: %s", what, error->message);
    g_assert_cmpuint (result->rows_accepted, ==, 1);
    g_assert_cmpuint (result->rows_rejected, ==, 0);
    f->accepted++;

    stored = read_back (f, importer, result->batch_id);
    if (stored == NULL)
      g_error ("%s: the row is not in the workspace", what);
    for (guint i = 0; i < importer->n_fields; i++)
      {
        g_autofree char *expected = NULL;
        g_autofree char *label = g_strdup_printf ("%s: field %s", what, importer->fields[i].name);

        if (i == field_index && field->mode == MODE_STAGE)
          expected = g_strdup ("open");
        else if (i == field_index)
          expected = expected_text (s);
        else
          expected = g_strdup (default_stored (importer, i, serial));
        assert_same (label, stored[i], expected);
      }
    remember (f, importer, stored);
  }
}

/* Goals named after every string, for the plan's goal column. */
static void
insert_goals (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt =
    sl_database_prepare (f->base.db,
                         "INSERT INTO goal (uuid, objective, first_day, last_day, created_at, updated_at) "
                         "VALUES (?1, ?2, 20089, 20453, 0, 0)", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < f->strings->len; i++)
    {
      const HostileString *s = g_ptr_array_index (f->strings, i);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *objective = expected_text (s);

      if (!hostile_string_is_plain (s))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, objective, -1, SQLITE_TRANSIENT);
      sl_database_step_done (f->base.db, stmt, &error);
      g_assert_no_error (error);
    }
}

static void
assert_in_store (GListModel  *model,
                 GHashTable  *expected,
                 const char *(*get_name) (gpointer),
                 const char  *what)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer name;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_hash_table_add (names, (gpointer) get_name (item));
    }
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (names, name))
      {
        g_autofree char *shown = hostile_describe (name);

        g_error ("the %s store has no “%s”", what, shown);
      }
  g_test_message ("%u %ss read back through the store", g_hash_table_size (expected), what);
}

static const char *
channel_name (gpointer item)
{
  return sl_channel_get_name (item);
}

static const char *
campaign_name (gpointer item)
{
  return sl_campaign_get_name (item);
}

static const char *
line_note (gpointer item)
{
  return sl_budget_line_get_note (item);
}

static void
assert_stores (Fixture        *f,
               const Importer *importer)
{
  g_autoptr(SlChannelStore) channels = sl_channel_store_new (f->base.db);
  g_autoptr(SlCampaignStore) campaigns = sl_campaign_store_new (f->base.db);
  g_autoptr(GError) error = NULL;

  sl_store_reload (SL_STORE (channels), &error);
  g_assert_no_error (error);
  sl_store_reload (SL_STORE (campaigns), &error);
  g_assert_no_error (error);
  assert_in_store (G_LIST_MODEL (channels), f->channels, channel_name, "channel");
  assert_in_store (G_LIST_MODEL (campaigns), f->campaigns, campaign_name, "campaign");
  if (importer->kind == SL_IMPORT_PLAN)
    {
      g_autoptr(SlBudgetLineStore) lines = sl_budget_line_store_new (f->base.db, "plan", 20089, 20089 + 366 * 30);

      sl_store_reload (SL_STORE (lines), &error);
      g_assert_no_error (error);
      assert_in_store (G_LIST_MODEL (lines), f->notes, line_note, "budget line note");
    }
}

/* Every table as it was, nothing dropped or added, the counts right. */
static void
assert_workspace_whole (Fixture        *f,
                        const Importer *importer)
{
  g_autofree char *schema = sl_test_query_text (f->base.db, schema_sql);
  g_autofree char *integrity = sl_test_query_text (f->base.db, "PRAGMA integrity_check");
  g_autofree char *foreign = sl_test_query_text (f->base.db, "PRAGMA foreign_key_check");
  g_autofree char *facts = g_strdup_printf ("SELECT count(*) FROM %s", importer->fact_table);

  g_assert_cmpstr (schema, ==, f->schema);
  g_assert_cmpstr (g_strchomp (integrity), ==, "ok");
  g_assert_cmpstr (foreign, ==, "");
  g_assert_cmpint (sl_test_query_int64 (f->base.db, "SELECT count(*) FROM import_batch"), ==, f->accepted);
  g_assert_cmpint (sl_test_query_int64 (f->base.db, facts), ==, f->accepted);
  if (importer->kind == SL_IMPORT_FUNNEL)
    g_assert_cmpint (sl_test_query_int64 (f->base.db, "SELECT count(*) FROM touchpoint"), ==, f->accepted);
  if (importer->kind == SL_IMPORT_REVENUE)
    g_assert_cmpint (sl_test_query_int64 (f->base.db, "SELECT count(*) FROM customer_mrr"), ==, f->accepted);
  sl_test_assert_rollups_consistent (f->base.db);
  /* The injected ATTACH made no database anywhere. */
  g_assert_false (g_file_test ("/tmp/sunlight-pwned.db", G_FILE_TEST_EXISTS));
}

static void
test_importer (Fixture       *f,
               gconstpointer  data)
{
  const Importer *importer = data;
  guint expected_refused = 0;
  guint skipped = 0;

  if (importer->kind == SL_IMPORT_PLAN)
    {
      insert_goals (f);
      g_free (f->schema);
      f->schema = sl_test_query_text (f->base.db, schema_sql);
    }
  for (guint field = 0; field < importer->n_fields; field++)
    for (guint i = 0; i < f->strings->len; i++)
      {
        const HostileString *s = g_ptr_array_index (f->strings, i);

        if (!field_takes (&importer->fields[field], s))
          {
            skipped++;
            continue;
          }
        if (!hostile_string_is_plain (s))
          expected_refused++;
        import_one (f, importer, field, s);
      }

  g_assert_cmpuint (f->refused, ==, expected_refused);
  g_test_message ("%s: %u strings × %u fields: %u files imported and read back, %u refused, "
                  "%u not applicable", sl_import_kind_to_string (importer->kind), f->strings->len,
                  importer->n_fields, f->accepted, f->refused, skipped);
  assert_stores (f, importer);
  assert_workspace_whole (f, importer);
}

/* The file's name is the string: import_batch keeps it as it is. */
static void
test_file_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < f->strings->len; i++)
    {
      const HostileString *s = g_ptr_array_index (f->strings, i);
      g_autofree char *name = NULL;
      g_autofree char *csv = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(SlImportResult) result = NULL;
      SlImportOptions options;

      /* What a file system takes as one name. */
      if (!hostile_string_is_plain (s) || strchr (s->text, '/') != NULL || s->length > 200)
        continue;
      name = g_strconcat (s->text, ".csv", NULL);
      csv = g_strdup_printf ("date,channel,spend\n2025-03-01,Search,%u.00\n", i + 1);
      file = sl_import_fixture_write (&f->base, name, csv, -1);
      sl_import_options_init (&options, SL_IMPORT_SPEND);
      result = sl_import_fixture_import (&f->base, file, &options);
      g_ptr_array_add (names, g_steal_pointer (&name));
    }

  batches = sl_import_batch_list (f->base.db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, names->len);
  /* Newest first. */
  for (guint i = 0; i < names->len; i++)
    {
      SlImportBatch *batch = g_ptr_array_index (batches, names->len - 1 - i);

      assert_same ("file name", batch->file_name, g_ptr_array_index (names, i));
    }
  g_test_message ("%u hostile file names kept as they are", names->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (importers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reliability/hostile/import/%s",
                                               sl_import_kind_to_string (importers[i].kind));

      g_test_add (path, Fixture, &importers[i], fixture_setup, test_importer, fixture_teardown);
    }
  g_test_add ("/reliability/hostile/import/file-names", Fixture, NULL, fixture_setup, test_file_names,
              fixture_teardown);

  return g_test_run ();
}
