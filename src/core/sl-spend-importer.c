/* sl-spend-importer.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-spend-importer.h"

enum {
  FIELD_DATE,
  FIELD_CHANNEL,
  FIELD_CAMPAIGN,
  FIELD_SPEND,
  FIELD_CURRENCY,
  FIELD_IMPRESSIONS,
  FIELD_CLICKS,
  FIELD_CONVERSIONS,
  N_FIELDS,
};

struct _SlSpendImporter
{
  SlImporter    parent_instance;

  SlStatement  *insert;
  gboolean      unshift;  /* the facebook-campaign export's shifted rows */
  GStrv         wide_channels;  /* wide exports: a channel per column… */
  int          *wide_columns;   /* …read from these columns */
};

G_DEFINE_FINAL_TYPE (SlSpendImporter, sl_spend_importer, SL_TYPE_IMPORTER)

static const SlImportField fields[N_FIELDS] = {
  { "date", "date|day|reportingstarts|reportingstart|startdateinutc|startdate|reportingdate", TRUE },
  { "channel", "channel|source|platform|network|medium|origin", TRUE },
  { "campaign", "campaign|campaignname|campaignid|xyzcampaignid|adset", FALSE },
  { "spend", "spend|cost|spent|amountspent|amountspentusd|amountspenteur|totalspent|costusd|amount", TRUE },
  { "currency", "currency|currencycode", FALSE },
  { "impressions", "impressions|impr", FALSE },
  { "clicks", "clicks|linkclicks|clicksall", FALSE },
  { "conversions", "conversions|results|totalconversion|conv", FALSE },
};

static const guint date_fields[] = { FIELD_DATE };

/* Columns per field, in the order above. */
static const SlImportPreset presets[] = {
  { "google-ads", N_("Google Ads"), "day|campaign|cost|impr",
    "Day;;Campaign;Cost;Currency code|Currency;Impr.;Clicks;Conversions", "Google Ads", FALSE },
  { "meta-ads", N_("Meta Ads"), "reportingstarts|campaignname|impressions",
    "Reporting starts;;Campaign name;Amount spent (USD)|Amount spent (EUR)|Amount spent;Currency;"
    "Impressions;Link clicks|Clicks (all);Results", "Meta Ads", FALSE },
  { "linkedin-ads", N_("LinkedIn Campaign Manager"), "startdateinutc|campaignname|totalspent",
    "Start Date (in UTC);;Campaign Name;Total Spent;Currency;Impressions;Clicks;Conversions",
    "LinkedIn Ads", FALSE },
  /* ../shared/data/facebook-ad-campaign: ads by reporting day, amounts with float noise. */
  { "facebook-campaign", N_("Facebook ad campaign (ads by reporting day)"),
    "adid|reportingstart|fbcampaignid|spent|approvedconversion",
    "reporting_start;;campaign_id;spent;;impressions;clicks;total_conversion", "Facebook", TRUE },
  /* ../shared/data/facebook-ads (KAG): no dates; give the day with the import. */
  { "facebook-kag", N_("Facebook ads (KAG conversion data, undated)"),
    "adid|xyzcampaignid|fbcampaignid|spent",
    ";;xyz_campaign_id;Spent;;Impressions;Clicks;Total_Conversion", "Facebook", TRUE },
  /* ../shared/data/islr-advertising: a market per row, thousands of
   * dollars per medium, no dates; give the day with the import. Sales
   * are units, not money, and not per channel: not imported. */
  { "islr-advertising", N_("Advertising budgets per medium (ISLR, thousands, undated)"),
    "tv|radio|newspaper|sales", ";;;TV;;;;", "TV|Radio|Newspaper", FALSE, TRUE, 3 },
  { "generic", N_("Columns by name"), NULL, NULL, NULL, FALSE },
  { NULL }
};

static gboolean
find_wide_columns (SlSpendImporter       *self,
                   const SlImportPreset  *preset,
                   GError               **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  guint n;

  self->wide_channels = g_strsplit (preset->channel, "|", -1);
  n = g_strv_length (self->wide_channels);
  self->wide_columns = g_new (int, n);
  for (guint i = 0; i < n; i++)
    {
      self->wide_columns[i] = sl_importer_find_column (importer, self->wide_channels[i]);
      if (self->wide_columns[i] < 0)
        {
          g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN,
                       /* Translators: %s is a column name, e.g. “Radio” */
                       _("There is no column “%s”"), self->wide_channels[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
sl_spend_importer_begin (SlImporter  *importer,
                         GError     **error)
{
  SlSpendImporter *self = SL_SPEND_IMPORTER (importer);
  const SlImportPreset *preset = sl_importer_get_preset (importer);

  self->insert = sl_database_prepare (sl_importer_get_database (importer),
                                      "INSERT INTO spend (batch_id, day, campaign_id, amount_minor, "
                                      "currency, amount_ws_minor, impressions, clicks, conversions) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                      error);
  self->unshift = preset != NULL && g_str_equal (preset->id, "facebook-campaign");
  if (self->insert == NULL)
    return FALSE;
  if (preset != NULL && preset->channel_columns)
    return find_wide_columns (self, preset, error);
  return TRUE;
}

/* In ../shared/data/facebook-ad-campaign, 382 rows lack both campaign ids:
 * their values sit two columns to the left and the last two are empty. */
static gboolean
row_is_shifted (SlSpendImporter *self)
{
  SlImporter *importer = SL_IMPORTER (self);
  const char *conversions = sl_importer_get_text (importer, FIELD_CONVERSIONS);

  return self->unshift && conversions != NULL && *conversions == '\0';
}

static gboolean
check_not_negative (SlImporter  *importer,
                    gint64       minor,
                    GError     **error)
{
  if (minor >= 0)
    return TRUE;
  return sl_importer_row_error (importer, error, FIELD_SPEND,
                                /* Translators: %s is what the file holds */
                                _("“%s” in “spend” is negative; record refunds as their own import"),
                                sl_importer_get_text (importer, FIELD_SPEND));
}

static gboolean
read_counts (SlImporter  *importer,
             gint64       counts[3],
             GError     **error)
{
  return sl_importer_read_count (importer, FIELD_IMPRESSIONS, FALSE, &counts[0], error) &&
         sl_importer_read_count (importer, FIELD_CLICKS, FALSE, &counts[1], error) &&
         sl_importer_read_count (importer, FIELD_CONVERSIONS, FALSE, &counts[2], error);
}

static gboolean
import_spend (SlSpendImporter  *self,
              const char       *channel,
              GError          **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlDatabase *db = sl_importer_get_database (importer);
  gint64 channel_id, campaign_id, minor = 0, ws_minor = 0, counts[3] = { 0, 0, 0 };
  const char *campaign;
  char currency[4];
  SlRollupDelta delta = { 0 };
  SlDay day;

  campaign = sl_importer_get_text (importer, FIELD_CAMPAIGN);
  if (row_is_shifted (self))
    {
      /* The campaign ids are the missing cells: everything after them
       * moved two columns left. */
      campaign = NULL;
      sl_importer_shift_row (importer, sl_importer_get_column (importer, FIELD_CAMPAIGN), -2);
    }

  if (!sl_importer_read_day (importer, FIELD_DATE, TRUE, &day, error) ||
      !sl_importer_read_money (importer, FIELD_SPEND, FIELD_CURRENCY, day, TRUE,
                               &minor, &ws_minor, currency, error) ||
      !check_not_negative (importer, minor, error) ||
      !read_counts (importer, counts, error) ||
      !sl_importer_resolve_campaign (importer, channel, campaign, &channel_id, &campaign_id, error))
    return FALSE;

  sqlite3_bind_int64 (self->insert, 1, sl_importer_get_batch_id (importer));
  sqlite3_bind_int (self->insert, 2, day);
  sqlite3_bind_int64 (self->insert, 3, campaign_id);
  sqlite3_bind_int64 (self->insert, 4, minor);
  sqlite3_bind_text (self->insert, 5, currency, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->insert, 6, ws_minor);
  sqlite3_bind_int64 (self->insert, 7, counts[0]);
  sqlite3_bind_int64 (self->insert, 8, counts[1]);
  sqlite3_bind_int64 (self->insert, 9, counts[2]);
  if (!sl_database_step_done (db, self->insert, error))
    return FALSE;

  delta.spend_minor = ws_minor;
  delta.impressions = counts[0];
  delta.clicks = counts[1];
  delta.conversions = counts[2];
  sl_rollup_add (sl_importer_get_rollup (importer), campaign_id, channel_id, day, &delta);
  return TRUE;
}

static gboolean
sl_spend_importer_import_row (SlImporter  *importer,
                              GError     **error)
{
  SlSpendImporter *self = SL_SPEND_IMPORTER (importer);

  if (self->wide_channels == NULL)
    return import_spend (self, sl_importer_get_text (importer, FIELD_CHANNEL), error);

  /* A row per channel column; an empty cell is no spend. */
  for (guint i = 0; self->wide_channels[i] != NULL; i++)
    {
      const char *text;

      sl_importer_set_column (importer, FIELD_SPEND, self->wide_columns[i]);
      text = sl_importer_get_text (importer, FIELD_SPEND);
      if (*text != '\0' && !import_spend (self, self->wide_channels[i], error))
        return FALSE;
    }
  return TRUE;
}

static void
sl_spend_importer_finalize (GObject *object)
{
  SlSpendImporter *self = SL_SPEND_IMPORTER (object);

  g_clear_pointer (&self->insert, sl_statement_release);
  g_strfreev (self->wide_channels);
  g_free (self->wide_columns);

  G_OBJECT_CLASS (sl_spend_importer_parent_class)->finalize (object);
}

static void
sl_spend_importer_class_init (SlSpendImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlImporterClass *importer_class = SL_IMPORTER_CLASS (klass);

  object_class->finalize = sl_spend_importer_finalize;
  importer_class->fields = fields;
  importer_class->n_fields = N_FIELDS;
  importer_class->presets = presets;
  importer_class->date_fields = date_fields;
  importer_class->n_date_fields = G_N_ELEMENTS (date_fields);
  importer_class->begin = sl_spend_importer_begin;
  importer_class->import_row = sl_spend_importer_import_row;
}

static void
sl_spend_importer_init (SlSpendImporter *self)
{
}
