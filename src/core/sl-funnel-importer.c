/* sl-funnel-importer.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-funnel-importer.h"
#include "sl-sql.h"
#include "sl-funnel-join.h"
#include "sl-importer-private.h"
#include "sl-money.h"
#include "sl-touchpoint-text.h"

enum {
  FIELD_ID,
  FIELD_CREATED,     /* the stage days, in funnel order: FIELD_CREATED + STAGE_* */
  FIELD_MQL,
  FIELD_SQL,
  FIELD_OPPORTUNITY,
  FIELD_WON,
  FIELD_LOST,
  FIELD_STAGE,
  FIELD_CLOSE,
  FIELD_CHANNEL,
  FIELD_CAMPAIGN,
  FIELD_AMOUNT,
  FIELD_CURRENCY,
  FIELD_GROSS_PROFIT,
  FIELD_MARGIN,
  FIELD_OWNER,
  FIELD_TOUCHPOINTS,
  N_FIELDS,
};

enum { STAGE_LEAD, STAGE_MQL, STAGE_SQL, STAGE_OPPORTUNITY, STAGE_WON, STAGE_LOST, N_STAGES };

/* The current row, read and checked before anything is written. */
typedef struct
{
  const char      *id;
  SlFunnelJoinRow *join;
  SlDay       days[N_STAGES];
  gboolean    has_amount;
  gint64      amount;
  gboolean    has_gross_profit;
  gint64      gross_profit;
  const char *owner;
  gint64      channel_id;
  gint64      campaign_id;
} Deal;

struct _SlFunnelImporter
{
  SlImporter    parent_instance;

  SlStatement  *insert_deal;
  SlStatement  *insert_touch;
  GHashTable   *lines;      /* id → line it was first seen on */
  SlFunnelJoin *join;       /* options->join_path, or NULL */
  GArray       *touches;    /* SlTouchpointText: the current row's */
};

G_DEFINE_FINAL_TYPE (SlFunnelImporter, sl_funnel_importer, SL_TYPE_IMPORTER)

static const SlImportField fields[N_FIELDS] = {
  { "id", "id|dealid|leadid|opportunityid|mqlid|recordid", TRUE },
  { "created", "created|createddate|leaddate|createdat|createdon|firstcontactdate", FALSE },
  { "mql", "mql|mqldate|mqlday", FALSE },
  { "sql", "sql|sqldate|sqlday", FALSE },
  { "opportunity", "opportunity|opportunitydate|engagedate", FALSE },
  { "won", "won|wondate|closedwon|closedwondate", FALSE },
  { "lost", "lost|lostdate|closedlost|closedlostdate", FALSE },
  { "stage", "stage|dealstage|status", FALSE },
  { "close date", "closedate|closed|closedat|closeday", FALSE },
  { "channel", "channel|source|origin|utmsource|leadsource", FALSE },
  { "campaign", "campaign|utmcampaign|campaignname", FALSE },
  { "amount", "amount|value|dealvalue|closevalue|revenue", FALSE },
  { "currency", "currency|currencycode", FALSE },
  { "gross profit", "grossprofit|profit|gp", FALSE },
  { "margin", "margin|marginpercent|grossmargin|grossmarginpercent", FALSE },
  { "owner", "owner|rep|salesrep|salesagent|dealowner|srid", FALSE },
  { "touchpoints", "touchpoints|touches|journey", FALSE },
};

static const guint date_fields[] = {
  FIELD_CREATED, FIELD_MQL, FIELD_SQL, FIELD_OPPORTUNITY, FIELD_WON, FIELD_LOST, FIELD_CLOSE,
};

/* Columns per field, in the order above. */
static const SlImportPreset presets[] = {
  /* ../shared/data/olist-funnel: the MQLs; the first contact is both the
   * lead and the MQL day. Join olist_closed_deals_dataset.csv for wins. */
  /* Translators: the titles of column mappings, shown when choosing one */
  { "olist", N_("Olist marketing funnel (MQLs, with closed deals joined)"),
    "mqlid|firstcontactdate|landingpageid|origin",
    "mql_id;first_contact_date;first_contact_date;;;;;;;origin;;;;;;;", NULL, FALSE },
  /* ../shared/data/maven-crm: the export has no date before engaging, so
   * engage_date is the lead and the opportunity day. */
  { "maven", N_("Maven Analytics CRM sales pipeline"),
    "opportunityid|salesagent|dealstage|engagedate|closevalue",
    "opportunity_id;engage_date;;;engage_date;;;deal_stage;close_date;;;close_value;;;;sales_agent;",
    NULL, FALSE },
  { "generic", N_("Columns by name"), NULL, NULL, NULL, FALSE },
  { NULL }
};

/* The join file's columns per preset: id;won;lost;owner. */
static const struct
{
  const char *preset;
  const char *columns;
} join_columns[] = {
  { "olist", "mql_id;won_date;;sr_id" },
};

static guint64
current_line (SlImporter *importer)
{
  return sl_csv_reader_get_line (sl_importer_get_private (importer)->reader);
}

/* The join file's columns: per preset, else the fields' aliases. */
static char *
join_columns_for (const SlImportPreset *preset)
{
  for (guint i = 0; i < G_N_ELEMENTS (join_columns); i++)
    if (preset != NULL && g_str_equal (preset->id, join_columns[i].preset))
      return g_strdup (join_columns[i].columns);
  return g_strjoin (";", fields[FIELD_ID].aliases, fields[FIELD_WON].aliases,
                    fields[FIELD_LOST].aliases, fields[FIELD_OWNER].aliases, NULL);
}

static gboolean
sl_funnel_importer_begin (SlImporter  *importer,
                          GError     **error)
{
  SlFunnelImporter *self = SL_FUNNEL_IMPORTER (importer);
  SlDatabase *db = sl_importer_get_database (importer);
  const SlImportOptions *options = sl_importer_get_options (importer);
  g_autofree char *columns = NULL;

  self->insert_deal = sl_database_prepare (db,
                                           "INSERT INTO deal (batch_id, external_id, channel_id, campaign_id, "
                                           "lead_day, mql_day, sql_day, opportunity_day, won_day, lost_day, "
                                           "amount_minor, gross_profit_minor, currency, owner) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                           error);
  if (self->insert_deal == NULL)
    return FALSE;
  self->insert_touch = sl_database_prepare (db,
                                            "INSERT INTO touchpoint (deal_id, day, channel_id, campaign_id, position) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5)",
                                            error);
  if (self->insert_touch == NULL)
    return FALSE;
  if (options->join_path == NULL)
    return TRUE;
  columns = join_columns_for (sl_importer_get_preset (importer));
  self->join = sl_funnel_join_read (options->join_path, columns, options->date_order, error);
  return self->join != NULL;
}

/* Rows */

static gboolean
read_id (SlFunnelImporter  *self,
         Deal              *deal,
         GError           **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  const char *id = sl_importer_get_text (importer, FIELD_ID);
  gpointer first;

  if (*id == '\0')
    /* Translators: “id” is a column name */
    return sl_importer_row_error (importer, error, FIELD_ID, _("the id is empty"));
  if (g_hash_table_lookup_extended (self->lines, id, NULL, &first))
    return sl_importer_row_error (importer, error, FIELD_ID,
                                  /* Translators: %s is an id, %llu a line number */
                                  _("duplicate id “%s” (first on line %llu)"),
                                  id, (unsigned long long)GPOINTER_TO_SIZE (first));
  g_hash_table_insert (self->lines, g_strdup (id), GSIZE_TO_POINTER (current_line (importer)));

  deal->id = id;
  deal->join = self->join != NULL ? sl_funnel_join_lookup (self->join, id) : NULL;
  if (deal->join != NULL)
    deal->join->used = TRUE;
  return TRUE;
}

/* "Won", "Closed Won", "closed_lost" → STAGE_WON / STAGE_LOST; else -1. */
static int
closed_stage (const char *text)
{
  g_autofree char *name = sl_funnel_join_normalize (text);

  if (g_str_equal (name, "won") || g_str_equal (name, "closedwon"))
    return STAGE_WON;
  if (g_str_equal (name, "lost") || g_str_equal (name, "closedlost"))
    return STAGE_LOST;
  return -1;
}

/* A stage column saying won or lost puts the close date on that stage. */
static gboolean
apply_stage (SlImporter  *importer,
             Deal        *deal,
             GError     **error)
{
  const char *stage = sl_importer_get_text (importer, FIELD_STAGE);
  SlDay close = SL_DAY_INVALID;
  int closed;

  if (sl_importer_has_field (importer, FIELD_CLOSE) &&
      !sl_importer_read_day (importer, FIELD_CLOSE, FALSE, &close, error))
    return FALSE;
  if (stage == NULL || (closed = closed_stage (stage)) < 0)
    return TRUE;
  if (deal->days[closed] == SL_DAY_INVALID)
    deal->days[closed] = close;
  if (deal->days[closed] == SL_DAY_INVALID)
    return sl_importer_row_error (importer, error, FIELD_CLOSE,
                                  /* Translators: %s is a deal stage, e.g. “Won” */
                                  _("the stage is “%s” but there is no close date"), stage);
  return TRUE;
}

static gboolean
read_stages (SlImporter  *importer,
             Deal        *deal,
             GError     **error)
{
  for (guint i = 0; i < N_STAGES; i++)
    {
      deal->days[i] = SL_DAY_INVALID;
      /* Only real columns: a default day must not fill every stage. */
      if (sl_importer_has_field (importer, FIELD_CREATED + i) &&
          !sl_importer_read_day (importer, FIELD_CREATED + i, FALSE, &deal->days[i], error))
        return FALSE;
    }
  if (!apply_stage (importer, deal, error))
    return FALSE;

  deal->owner = sl_importer_get_text (importer, FIELD_OWNER);
  if (deal->join != NULL)
    {
      if (deal->days[STAGE_WON] == SL_DAY_INVALID)
        deal->days[STAGE_WON] = deal->join->won;
      if (deal->days[STAGE_LOST] == SL_DAY_INVALID)
        deal->days[STAGE_LOST] = deal->join->lost;
      if (deal->owner == NULL || *deal->owner == '\0')
        deal->owner = deal->join->owner;
    }
  if (deal->days[STAGE_WON] != SL_DAY_INVALID && deal->days[STAGE_LOST] != SL_DAY_INVALID)
    return sl_importer_row_error (importer, error, FIELD_LOST,
                                  /* Translators: %s is a deal's id */
                                  _("deal “%s” is both won and lost"), deal->id);
  return TRUE;
}

/* "35", "35.5 %", "-10" percent of @amount, rounded half to even. */
static gboolean
read_margin (SlImporter  *importer,
             gint64       amount,
             gint64      *gross_profit,
             GError     **error)
{
  const char *text = sl_importer_get_text (importer, FIELD_MARGIN);
  char buffer[64];
  gint64 percent_e4 = 0;
  SlMoneyError code;
  SlMoney money, scaled;
  gsize len;

  g_strlcpy (buffer, text, sizeof buffer);
  len = strlen (buffer);
  while (len > 0 && (buffer[len - 1] == '%' || buffer[len - 1] == ' '))
    buffer[--len] = '\0';
  if (sl_importer_get_options (importer)->decimal_comma)
    g_strdelimit (buffer, ",", '.');
  if (strlen (text) >= sizeof buffer ||
      !sl_money_parse_minor (buffer, 4, FALSE, &percent_e4, NULL, &code) ||
      percent_e4 < -1000000 || percent_e4 > 1000000)
    return sl_importer_row_error (importer, error, FIELD_MARGIN,
                                  /* Translators: %s is what the file holds */
                                  _("“%s” in “margin” is not a percentage from −100 to 100"), text);
  sl_money_init (&money, amount, sl_importer_get_currency (importer));
  /* |margin| ≤ 100 %: the result fits. */
  sl_money_scale (&money, percent_e4, 1000000, &scaled, NULL);
  *gross_profit = scaled.minor;
  return TRUE;
}

/* An amount in another currency converts at a month's rate: the deal
 * needs a day. */
static gboolean
check_currency_day (SlImporter  *importer,
                    SlDay        day,
                    GError     **error)
{
  const char *currency = sl_importer_get_text (importer, FIELD_CURRENCY);

  if (day != SL_DAY_INVALID || currency == NULL || *currency == '\0' ||
      g_ascii_strcasecmp (currency, sl_importer_get_currency (importer)) == 0)
    return TRUE;
  return sl_importer_row_error (importer, error, FIELD_CURRENCY,
                                /* Translators: %s is a currency code */
                                _("the amount is in %s, and the deal has no date to convert it on"), currency);
}

/* The amounts convert at the month of the deal's last stage day. */
static gboolean
read_amounts (SlImporter  *importer,
              Deal        *deal,
              GError     **error)
{
  const char *gross_profit = sl_importer_get_text (importer, FIELD_GROSS_PROFIT);
  const char *margin = sl_importer_get_text (importer, FIELD_MARGIN);
  const char *amount = sl_importer_get_text (importer, FIELD_AMOUNT);
  SlDay day = SL_DAY_INVALID;
  gint64 minor = 0;
  char currency[4];

  for (int i = STAGE_LOST; i >= 0 && day == SL_DAY_INVALID; i--)
    day = deal->days[i];
  deal->has_amount = amount != NULL && *amount != '\0';
  deal->has_gross_profit = FALSE;
  if (!check_currency_day (importer, day, error))
    return FALSE;
  if (deal->has_amount &&
      (!sl_importer_read_money (importer, FIELD_AMOUNT, FIELD_CURRENCY, day, TRUE,
                                &minor, &deal->amount, currency, error)))
    return FALSE;
  if (deal->has_amount && minor < 0)
    return sl_importer_row_error (importer, error, FIELD_AMOUNT,
                                  /* Translators: %s is what the file holds */
                                  _("“%s” in “amount” is negative"), amount);

  if (gross_profit != NULL && *gross_profit != '\0')
    {
      deal->has_gross_profit = TRUE;
      return sl_importer_read_money (importer, FIELD_GROSS_PROFIT, FIELD_CURRENCY, day, TRUE,
                                     &minor, &deal->gross_profit, currency, error);
    }
  if (margin == NULL || *margin == '\0')
    return TRUE;
  if (!deal->has_amount)
    return sl_importer_row_error (importer, error, FIELD_MARGIN,
                                  /* Translators: a deal has a margin in percent but no amount */
                                  _("a margin needs an amount to be a percentage of"));
  deal->has_gross_profit = TRUE;
  return read_margin (importer, deal->amount, &deal->gross_profit, error);
}

static gboolean
read_touchpoints (SlFunnelImporter  *self,
                  GError           **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  const char *text = sl_importer_get_text (importer, FIELD_TOUCHPOINTS);
  g_autoptr(GError) local_error = NULL;

  g_array_set_size (self->touches, 0);
  if (text == NULL || *text == '\0' ||
      sl_touchpoint_text_parse (text, sl_importer_get_private (importer)->date_order, self->touches, &local_error))
    return TRUE;
  return sl_importer_row_error (importer, error, FIELD_TOUCHPOINTS, "%s", local_error->message);
}

static gboolean
resolve_campaigns (SlFunnelImporter  *self,
                   Deal              *deal,
                   GError           **error)
{
  SlImporter *importer = SL_IMPORTER (self);

  if (!sl_importer_resolve_campaign (importer, sl_importer_get_text (importer, FIELD_CHANNEL),
                                     sl_importer_get_text (importer, FIELD_CAMPAIGN),
                                     &deal->channel_id, &deal->campaign_id, error))
    return FALSE;
  for (guint i = 0; i < self->touches->len; i++)
    {
      SlTouchpointText *touch = &g_array_index (self->touches, SlTouchpointText, i);

      if (!sl_importer_resolve_campaign (importer, touch->channel, touch->campaign,
                                         &touch->channel_id, &touch->campaign_id, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_rollups (SlImporter *importer,
             const Deal *deal)
{
  for (guint i = 0; i < N_STAGES; i++)
    {
      SlRollupDelta delta = { 0 };
      gint64 *counts[N_STAGES] = {
        &delta.leads, &delta.mqls, &delta.sqls, &delta.opportunities, &delta.won, &delta.lost,
      };

      if (deal->days[i] == SL_DAY_INVALID)
        continue;
      *counts[i] = 1;
      if (i == STAGE_WON)
        {
          delta.won_minor = deal->has_amount ? deal->amount : 0;
          delta.won_gross_profit_minor = deal->has_gross_profit ? deal->gross_profit : 0;
        }
      sl_rollup_add (sl_importer_get_rollup (importer), deal->campaign_id, deal->channel_id,
                     deal->days[i], &delta);
    }
}

static gboolean
write_deal (SlFunnelImporter  *self,
            const Deal        *deal,
            GError           **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlDatabase *db = sl_importer_get_database (importer);
  SlStatement *stmt = self->insert_deal;
  gint64 deal_id;

  /* Resetting keeps the bindings: the last row's amount must not stay. */
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_int64 (stmt, 1, sl_importer_get_batch_id (importer));
  sqlite3_bind_text (stmt, 2, deal->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, deal->channel_id);
  sqlite3_bind_int64 (stmt, 4, deal->campaign_id);
  for (guint i = 0; i < N_STAGES; i++)
    sl_sql_bind_day (stmt, 5 + i, deal->days[i]);
  if (deal->has_amount)
    sqlite3_bind_int64 (stmt, 11, deal->amount);
  if (deal->has_gross_profit)
    sqlite3_bind_int64 (stmt, 12, deal->gross_profit);
  if (deal->has_amount || deal->has_gross_profit)
    sqlite3_bind_text (stmt, 13, sl_importer_get_currency (importer), -1, SQLITE_STATIC);
  if (deal->owner != NULL && *deal->owner != '\0')
    sqlite3_bind_text (stmt, 14, deal->owner, -1, SQLITE_STATIC);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;
  deal_id = sl_database_last_insert_id (db);

  for (guint i = 0; i < self->touches->len; i++)
    {
      SlTouchpointText *touch = &g_array_index (self->touches, SlTouchpointText, i);

      sqlite3_bind_int64 (self->insert_touch, 1, deal_id);
      sqlite3_bind_int (self->insert_touch, 2, touch->day);
      sqlite3_bind_int64 (self->insert_touch, 3, touch->channel_id);
      sqlite3_bind_int64 (self->insert_touch, 4, touch->campaign_id);
      sqlite3_bind_int (self->insert_touch, 5, i + 1);
      if (!sl_database_step_done (db, self->insert_touch, error))
        return FALSE;
    }
  add_rollups (importer, deal);
  return TRUE;
}

static gboolean
sl_funnel_importer_import_row (SlImporter  *importer,
                               GError     **error)
{
  SlFunnelImporter *self = SL_FUNNEL_IMPORTER (importer);
  Deal deal = { 0 };

  /* Everything is checked before anything is written, so a refused row
   * leaves nothing behind when the valid rows are kept. */
  if (!read_id (self, &deal, error) ||
      !read_stages (importer, &deal, error) ||
      !read_amounts (importer, &deal, error) ||
      !read_touchpoints (self, error) ||
      !resolve_campaigns (self, &deal, error))
    return FALSE;
  return write_deal (self, &deal, error);
}

static gboolean
sl_funnel_importer_finish (SlImporter  *importer,
                           GError     **error)
{
  SlFunnelImporter *self = SL_FUNNEL_IMPORTER (importer);
  SlFunnelJoinRow *row = self->join != NULL ? sl_funnel_join_first_unused (self->join) : NULL;

  if (row == NULL)
    return TRUE;
  g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
               /* Translators: a file name, a line number, an id, then the other file's name */
               _("%s:%llu: column “id”: “%s” is not in %s"), sl_funnel_join_get_name (self->join),
               (unsigned long long)row->line, row->id, sl_importer_get_private (importer)->file_name);
  return FALSE;
}

static void
sl_funnel_importer_finalize (GObject *object)
{
  SlFunnelImporter *self = SL_FUNNEL_IMPORTER (object);

  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->join, sl_funnel_join_free);
  g_clear_pointer (&self->touches, g_array_unref);

  G_OBJECT_CLASS (sl_funnel_importer_parent_class)->finalize (object);
}

static void
sl_funnel_importer_class_init (SlFunnelImporterClass *klass)
{
  SlImporterClass *importer_class = SL_IMPORTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sl_funnel_importer_finalize;
  importer_class->fields = fields;
  importer_class->n_fields = N_FIELDS;
  importer_class->presets = presets;
  importer_class->date_fields = date_fields;
  importer_class->n_date_fields = G_N_ELEMENTS (date_fields);
  importer_class->begin = sl_funnel_importer_begin;
  importer_class->import_row = sl_funnel_importer_import_row;
  importer_class->finish = sl_funnel_importer_finish;
}

static void
sl_funnel_importer_init (SlFunnelImporter *self)
{
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->touches = sl_touchpoint_text_array_new ();
}
