/* sl-plan-importer.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-date-text.h"
#include "sl-importer-private.h"
#include "sl-month-text.h"
#include "sl-plan-importer.h"

enum {
  FIELD_CHANNEL,
  FIELD_CAMPAIGN,
  FIELD_RESERVE,
  FIELD_MONTH,
  FIELD_AMOUNT,
  FIELD_GOAL,
  FIELD_NOTE,
  N_FIELDS,
};

/* A column headed by a month (wide format). */
typedef struct
{
  int       column;
  SlPeriod  period;
  char     *header;
} MonthColumn;

static void
month_column_clear (MonthColumn *column)
{
  g_free (column->header);
}

/* A line of the current row, checked and waiting to be written. */
typedef struct
{
  SlPeriod  period;
  gint64    amount;
} Line;

typedef struct
{
  gboolean    reserve;
  const char *channel;
  const char *campaign;   /* NULL: the channel's own line */
  gint64      goal_id;    /* 0: none */
} Target;

struct _SlPlanImporter
{
  SlImporter    parent_instance;

  SlCalendar    calendar;
  int           fiscal_start;
  SlMonthText  *months;
  GArray       *month_columns;       /* MonthColumn; empty in the long format */
  GArray       *lines;               /* Line: the current row's */
  GHashTable   *channels;            /* casefolded name → id */
};

G_DEFINE_FINAL_TYPE (SlPlanImporter, sl_plan_importer, SL_TYPE_IMPORTER)

static const SlImportField fields[N_FIELDS] = {
  { "channel", "channel|source|medium", FALSE },
  { "campaign", "campaign|campaignname", FALSE },
  { "is reserve", "isreserve|reserve", FALSE },
  { "month", "month|period|date|firstday|startdate", FALSE },
  { "amount", "amount|budget|plan|planned|plannedamount|value", FALSE },
  { "goal", "goal|objective", FALSE },
  { "note", "note|notes|comment|comments|description", FALSE },
};

static const guint date_fields[] = { FIELD_MONTH };

static const SlImportPreset presets[] = {
  /* Translators: the title of a column mapping, shown when choosing one */
  { "generic", N_("Columns by name"), NULL, NULL, NULL, FALSE },
  { NULL }
};

static gboolean
read_workspace_calendar (SlPlanImporter  *self,
                         GError         **error)
{
  SlDatabase *db = sl_importer_get_database (SL_IMPORTER (self));
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (db, "SELECT calendar, fiscal_start_month FROM workspace WHERE id = 1", error);
  if (stmt == NULL || !sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row || !sl_calendar_from_string ((const char *)sqlite3_column_text (stmt, 0), &self->calendar))
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED,
                   /* Translators: the workspace file lacks its settings row */
                   _("The workspace has no settings yet"));
      return FALSE;
    }
  self->fiscal_start = sqlite3_column_int (stmt, 1);
  self->months = sl_month_text_new (self->calendar, self->fiscal_start);
  return TRUE;
}

/* Begin: version, calendar, format */

/* An error before the rows: @in_header names line 1. */
static gboolean
setup_error (SlImporter  *importer,
             GError     **error,
             int          code,
             gboolean     in_header,
             const char  *message)
{
  g_set_error (error, SL_IMPORT_ERROR, code, in_header ? "%s:1: %s" : "%s: %s",
               sl_importer_get_private (importer)->file_name, message);
  return FALSE;
}

/* At begin() the reader still holds the header: the columns headed by a
 * month make the wide format. */
static gboolean
find_month_columns (SlPlanImporter  *self,
                    GError         **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlCsvReader *reader = sl_importer_get_private (importer)->reader;

  for (guint c = 0; c < sl_csv_reader_get_n_fields (reader); c++)
    {
      g_autofree char *header = g_strstrip (g_strdup (sl_csv_reader_get_field (reader, c)));
      MonthColumn column = { c };

      if (!sl_month_text_parse (self->months, header, &column.period))
        continue;
      column.header = g_strdup (header);
      for (guint i = 0; i < self->month_columns->len; i++)
        if (g_array_index (self->month_columns, MonthColumn, i).period.first == column.period.first)
          {
            g_autofree char *message =
              /* Translators: %s is a column's header, e.g. “Jan 2025” */
              g_strdup_printf (_("column “%s” is a month that an earlier column already has"), header);

            g_free (column.header);
            return setup_error (importer, error, SL_IMPORT_ERROR_FAILED, TRUE, message);
          }
      g_array_append_val (self->month_columns, column);
    }
  return TRUE;
}

static gboolean
choose_format (SlPlanImporter  *self,
               GError         **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  gboolean has_month = sl_importer_has_field (importer, FIELD_MONTH);
  gboolean has_amount = sl_importer_has_field (importer, FIELD_AMOUNT);
  g_autofree char *message = NULL;

  if (!has_month && !has_amount && !find_month_columns (self, error))
    return FALSE;
  if ((has_month && has_amount) || self->month_columns->len > 0)
    return TRUE;

  if (!has_month && !has_amount)
    /* Translators: keep “month” and “amount”: they name the columns looked for */
    message = g_strdup (_("no “month” and “amount” columns, and no column headed by a month (“Jan 2025”, “2025-01”)"));
  else
    /* Translators: the first %s is a field, the second the column names looked for */
    message = g_strdup_printf (_("no column for “%s” (looked for: %s)"),
                               fields[has_month ? FIELD_AMOUNT : FIELD_MONTH].name,
                               fields[has_month ? FIELD_AMOUNT : FIELD_MONTH].aliases);
  return setup_error (importer, error, SL_IMPORT_ERROR_MISSING_COLUMN, TRUE, message);
}

static gboolean
sl_plan_importer_begin (SlImporter  *importer,
                        GError     **error)
{
  SlPlanImporter *self = SL_PLAN_IMPORTER (importer);
  const char *version = sl_importer_get_options (importer)->version;

  if (g_strcmp0 (version, "plan") != 0 && g_strcmp0 (version, "request") != 0 &&
      g_strcmp0 (version, "forecast") != 0)
    {
      g_autofree char *message =
        /* Translators: %s is what was asked for; keep plan, request and forecast as they are */
        g_strdup_printf (_("“%s” is not a budget version to import (plan, request or forecast)"),
                         version ? version : "");

      return setup_error (importer, error, SL_IMPORT_ERROR_FAILED, FALSE, message);
    }
  return read_workspace_calendar (self, error) && choose_format (self, error);
}

/* Rows */

static gboolean
is_reserve_name (const char *channel)
{
  g_autofree char *folded = g_utf8_casefold (channel, -1);
  /* Translators: the name of the discretionary reserve as a plan file may write it */
  g_autofree char *translated = g_utf8_casefold (_("Reserve"), -1);

  return g_str_equal (folded, "reserve") || g_str_equal (folded, translated);
}

static gboolean
read_reserve_flag (SlImporter  *importer,
                   gboolean    *reserve,
                   GError     **error)
{
  static const char * const yes[] = { "1", "true", "yes", "y", "x", "reserve", NULL };
  static const char * const no[] = { "", "0", "false", "no", "n", NULL };
  const char *text = sl_importer_get_text (importer, FIELD_RESERVE);
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);

  *reserve = g_strv_contains (yes, folded);
  if (*reserve || g_strv_contains (no, folded))
    return TRUE;
  return sl_importer_row_error (importer, error, FIELD_RESERVE,
                                /* Translators: %s is what the file holds */
                                _("“%s” in “is reserve” is neither yes nor no"), text);
}

static gboolean
read_goal (SlImporter  *importer,
           gint64      *goal_id,
           GError     **error)
{
  SlDatabase *db = sl_importer_get_database (importer);
  const char *text = sl_importer_get_text (importer, FIELD_GOAL);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  *goal_id = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  stmt = sl_database_prepare (db, "SELECT id FROM goal WHERE objective = ?1 COLLATE NOCASE ORDER BY id LIMIT 2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    /* Translators: %s is a goal's objective as the file names it */
    return sl_importer_row_error (importer, error, FIELD_GOAL, _("there is no goal “%s”"), text);
  *goal_id = sqlite3_column_int64 (stmt, 0);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    /* Translators: %s is a goal's objective */
    return sl_importer_row_error (importer, error, FIELD_GOAL, _("several goals are called “%s”"), text);
  return TRUE;
}

static gboolean
read_target (SlImporter  *importer,
             Target      *target,
             GError     **error)
{
  const char *channel = sl_importer_get_text (importer, FIELD_CHANNEL);
  const char *campaign = sl_importer_get_text (importer, FIELD_CAMPAIGN);

  if (!read_reserve_flag (importer, &target->reserve, error))
    return FALSE;
  channel = channel != NULL ? channel : "";
  campaign = campaign != NULL && *campaign != '\0' ? campaign : NULL;
  if (*channel != '\0' && is_reserve_name (channel))
    {
      target->reserve = TRUE;
      channel = "";
    }
  if (target->reserve && (*channel != '\0' || campaign != NULL))
    return sl_importer_row_error (importer, error, *channel != '\0' ? FIELD_CHANNEL : FIELD_CAMPAIGN,
                                  /* Translators: a plan row marks the reserve but names a channel or campaign */
                                  _("the reserve line has no channel and no campaign"));
  if (!target->reserve && *channel == '\0')
    return sl_importer_row_error (importer, error, FIELD_CHANNEL,
                                  /* Translators: keep “Reserve” as the translation of “Reserve” elsewhere */
                                  _("the channel is empty (write “Reserve” for the reserve line)"));
  target->channel = channel;
  target->campaign = campaign;
  return read_goal (importer, &target->goal_id, error);
}

static gboolean
read_amount (SlImporter  *importer,
             SlDay        day,
             gint64      *amount,
             GError     **error)
{
  gint64 workspace_minor = 0;
  char currency[4];

  if (!sl_importer_read_money (importer, FIELD_AMOUNT, -1, day, TRUE, amount, &workspace_minor, currency, error))
    return FALSE;
  if (*amount >= 0)
    return TRUE;
  return sl_importer_row_error (importer, error, FIELD_AMOUNT,
                                /* Translators: %s is what the file holds */
                                _("“%s” in “amount” is negative"), sl_importer_get_text (importer, FIELD_AMOUNT));
}

static gboolean
read_long_line (SlPlanImporter  *self,
                GError         **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlImporterPrivate *priv = sl_importer_get_private (importer);
  const char *text = sl_importer_get_text (importer, FIELD_MONTH);
  Line line = { 0 };
  SlDay day;

  if (*text == '\0')
    /* Translators: the month column of a plan row is empty */
    return sl_importer_row_error (importer, error, FIELD_MONTH, _("the month is empty"));
  if (!sl_month_text_parse (self->months, text, &line.period))
    {
      if (!sl_date_text_parse (text, priv->date_order, &day))
        return sl_importer_row_error (importer, error, FIELD_MONTH,
                                      /* Translators: %s is what the file holds */
                                      _("“%s” in “month” is not a month (“2025-03”, “Mar 2025”) or a date"),
                                      text);
      sl_period_init (&line.period, SL_PERIOD_MONTH, self->calendar, self->fiscal_start, day);
    }
  if (!read_amount (importer, line.period.first, &line.amount, error))
    return FALSE;
  g_array_append_val (self->lines, line);
  return TRUE;
}

/* Each month column is read as the amount column, in turn. */
static gboolean
read_wide_lines (SlPlanImporter  *self,
                 GError         **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlImporterPrivate *priv = sl_importer_get_private (importer);
  gboolean ok = TRUE;

  for (guint i = 0; i < self->month_columns->len && ok; i++)
    {
      MonthColumn *column = &g_array_index (self->month_columns, MonthColumn, i);
      Line line = { column->period };
      const char *text;

      priv->columns[FIELD_AMOUNT] = column->column;
      text = sl_importer_get_text (importer, FIELD_AMOUNT);
      if (*text == '\0')
        continue;
      if ((ok = read_amount (importer, line.period.first, &line.amount, error)))
        g_array_append_val (self->lines, line);
      else
        g_prefix_error (error, "%s: ", column->header);
    }
  priv->columns[FIELD_AMOUNT] = -1;
  return ok;
}

static char *
target_label (const Target *target)
{
  if (target->reserve)
    /* Translators: the discretionary reserve, as the subject of a sentence */
    return g_strdup (_("The reserve"));
  if (target->campaign == NULL)
    return g_strdup (target->channel);
  return g_strdup_printf ("%s / %s", target->channel, target->campaign);
}

static gboolean
duplicate_error (SlImporter      *importer,
                 const Target    *target,
                 const SlPeriod  *period,
                 GError         **error)
{
  const char *version = sl_importer_get_options (importer)->version;
  g_autofree char *label = target_label (target);
  g_autofree char *month = sl_period_format (period, NULL);

  if (g_str_equal (version, "request"))
    return sl_importer_row_error (importer, error, FIELD_MONTH,
                                  /* Translators: the first %s is a channel, “Search / Brand” or
                                   * “The reserve”, the second a month, “March 2025” */
                                  _("%s already has a requested amount for %s"), label, month);
  if (g_str_equal (version, "forecast"))
    return sl_importer_row_error (importer, error, FIELD_MONTH,
                                  /* Translators: the first %s is a channel, “Search / Brand” or
                                   * “The reserve”, the second a month, “March 2025” */
                                  _("%s already has a forecast amount for %s"), label, month);
  return sl_importer_row_error (importer, error, FIELD_MONTH,
                                /* Translators: the first %s is a channel, “Search / Brand” or
                                 * “The reserve”, the second a month, “March 2025” */
                                _("%s already has a plan amount for %s"),
                                label, month);
}

/* Refuses a cell that has a line of the version, by names, before any
 * channel or campaign is made. */
static gboolean
check_free (SlPlanImporter  *self,
            const Target    *target,
            GError         **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlDatabase *db = sl_importer_get_database (importer);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (db,
                              "SELECT 1 FROM budget_line b LEFT JOIN channel ch ON ch.id = b.channel_id "
                              "LEFT JOIN campaign c ON c.id = b.campaign_id "
                              "WHERE b.version = ?1 AND b.request_id IS NULL AND b.first_day = ?2 "
                              "AND b.is_reserve = ?3 AND (?3 = 1 OR ch.name = ?4) "
                              "AND ((?5 IS NULL AND b.campaign_id IS NULL) OR c.name = ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);

      sqlite3_bind_text (stmt, 1, sl_importer_get_options (importer)->version, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, line->period.first);
      sqlite3_bind_int (stmt, 3, target->reserve);
      sqlite3_bind_text (stmt, 4, target->channel, -1, SQLITE_STATIC);
      if (target->campaign != NULL)
        sqlite3_bind_text (stmt, 5, target->campaign, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 5);
      if (!sl_database_step_row (db, stmt, &has_row, error))
        return FALSE;
      sqlite3_reset (stmt);
      if (has_row)
        return duplicate_error (importer, target, &line->period, error);
    }
  return TRUE;
}

static gboolean
resolve_channel (SlPlanImporter  *self,
                 const char      *name,
                 gint64          *channel_id,
                 GError         **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlDatabase *db = sl_importer_get_database (importer);
  g_autofree char *key = g_utf8_casefold (name, -1);
  g_autofree char *uuid = NULL;
  g_autoptr(SlStatement) stmt = NULL;
  gpointer cached;
  gboolean has_row;

  if (g_hash_table_lookup_extended (self->channels, key, NULL, &cached))
    {
      *channel_id = GPOINTER_TO_SIZE (cached);
      return TRUE;
    }
  stmt = sl_database_prepare (db,
                              "INSERT INTO channel (name, uuid, batch_id) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (name) DO UPDATE SET name = name RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;
  uuid = g_uuid_string_random ();
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, sl_importer_get_batch_id (importer));
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  *channel_id = sqlite3_column_int64 (stmt, 0);
  g_hash_table_insert (self->channels, g_steal_pointer (&key), GSIZE_TO_POINTER (*channel_id));
  return TRUE;
}

static gboolean
write_lines (SlPlanImporter  *self,
             const Target    *target,
             GError         **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlDatabase *db = sl_importer_get_database (importer);
  g_autoptr(SlStatement) stmt = NULL;
  const char *note = sl_importer_get_text (importer, FIELD_NOTE);
  gint64 channel_id = 0, campaign_id = 0;

  if (!target->reserve &&
      !(target->campaign != NULL
        ? sl_importer_resolve_campaign (importer, target->channel, target->campaign, &channel_id, &campaign_id, error)
        : resolve_channel (self, target->channel, &channel_id, error)))
    return FALSE;
  stmt = sl_database_prepare (db,
                              "INSERT INTO budget_line (uuid, version, channel_id, campaign_id, is_reserve, "
                              "first_day, last_day, amount_minor, currency, goal_id, batch_id, note) "
                              "VALUES (?1, ?2, nullif (?3, 0), nullif (?4, 0), ?5, ?6, ?7, ?8, ?9, "
                              "nullif (?10, 0), ?11, ?12)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);
      g_autofree char *uuid = g_uuid_string_random ();

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, sl_importer_get_options (importer)->version, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, channel_id);
      sqlite3_bind_int64 (stmt, 4, campaign_id);
      sqlite3_bind_int (stmt, 5, target->reserve);
      sqlite3_bind_int (stmt, 6, line->period.first);
      sqlite3_bind_int (stmt, 7, line->period.last);
      sqlite3_bind_int64 (stmt, 8, line->amount);
      sqlite3_bind_text (stmt, 9, sl_importer_get_currency (importer), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, target->goal_id);
      sqlite3_bind_int64 (stmt, 11, sl_importer_get_batch_id (importer));
      sqlite3_bind_text (stmt, 12, note != NULL ? note : "", -1, SQLITE_STATIC);
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
sl_plan_importer_import_row (SlImporter  *importer,
                             GError     **error)
{
  SlPlanImporter *self = SL_PLAN_IMPORTER (importer);
  Target target = { 0 };

  g_array_set_size (self->lines, 0);
  /* Everything is checked before anything is written. */
  if (!read_target (importer, &target, error) ||
      !(self->month_columns->len > 0 ? read_wide_lines (self, error) : read_long_line (self, error)) ||
      !check_free (self, &target, error))
    return FALSE;
  return write_lines (self, &target, error);
}

static void
sl_plan_importer_finalize (GObject *object)
{
  SlPlanImporter *self = SL_PLAN_IMPORTER (object);

  g_clear_pointer (&self->months, sl_month_text_free);
  g_clear_pointer (&self->month_columns, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);

  G_OBJECT_CLASS (sl_plan_importer_parent_class)->finalize (object);
}

static void
sl_plan_importer_class_init (SlPlanImporterClass *klass)
{
  SlImporterClass *importer_class = SL_IMPORTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sl_plan_importer_finalize;
  importer_class->fields = fields;
  importer_class->n_fields = N_FIELDS;
  importer_class->presets = presets;
  importer_class->date_fields = date_fields;
  importer_class->n_date_fields = G_N_ELEMENTS (date_fields);
  importer_class->begin = sl_plan_importer_begin;
  importer_class->import_row = sl_plan_importer_import_row;
}

static void
sl_plan_importer_init (SlPlanImporter *self)
{
  self->calendar = SL_CALENDAR_GREGORIAN;
  self->fiscal_start = 1;
  self->month_columns = g_array_new (FALSE, FALSE, sizeof (MonthColumn));
  g_array_set_clear_func (self->month_columns, (GDestroyNotify)month_column_clear);
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  self->channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
