/* sl-revenue-importer.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-importer-private.h"
#include "sl-money.h"
#include "sl-revenue-importer.h"

enum {
  FIELD_CUSTOMER,
  FIELD_NAME,
  FIELD_MONTH,
  FIELD_DATE,
  FIELD_MRR,
  FIELD_AMOUNT,
  FIELD_CURRENCY,
  FIELD_GROSS_PROFIT,
  FIELD_CHANNEL,
  FIELD_CAMPAIGN,
  N_FIELDS,
};

typedef struct
{
  char     *external_id;
  gint64    id;         /* existing, or made by finish() */
  gboolean  existing;
  SlDay     acquired;   /* SL_DAY_INVALID until a row of it is accepted */
  char     *name;
  char     *channel;
  char     *campaign;
} Customer;

/* One customer's month: the hash table's key and value. */
typedef struct
{
  Customer *customer;
  SlDay     month;
  gint64    revenue;
  gint64    gross_profit;
  gboolean  gross_profit_known;  /* every row of it had one */
} Cell;

struct _SlRevenueImporter
{
  SlImporter    parent_instance;

  guint         value_field;     /* FIELD_MRR or FIELD_AMOUNT */
  GHashTable   *customers;       /* external id → Customer */
  GPtrArray    *new_customers;   /* Customer, in the order first seen */
  GHashTable   *cells;           /* Cell, keyed by itself */
};

G_DEFINE_FINAL_TYPE (SlRevenueImporter, sl_revenue_importer, SL_TYPE_IMPORTER)

static const SlImportField fields[N_FIELDS] = {
  { "customer", "customer|customerid|customerexternalid|externalid|account|accountid|client|clientid", TRUE },
  { "name", "customername|accountname|clientname|name|company", FALSE },
  { "month", "month|period|billingmonth|revenuemonth", FALSE },
  { "date", "date|day|orderdate|transactiondate|invoicedate|purchasedate|paymentdate", FALSE },
  { "mrr", "mrr|monthlyrevenue|monthlyrecurringrevenue", FALSE },
  { "amount", "amount|revenue|value|dollarvalue|total|sales|invoiceamount", FALSE },
  { "currency", "currency|currencycode", FALSE },
  { "gross profit", "grossprofit|profit|gp", FALSE },
  { "channel", "channel|source|origin|acquisitionchannel|utmsource", FALSE },
  { "campaign", "campaign|utmcampaign|acquisitioncampaign", FALSE },
};

static const guint date_fields[] = { FIELD_MONTH, FIELD_DATE };

/* Columns per field, in the order above. */
static const SlImportPreset presets[] = {
  /* ../shared/data/cdnow: whitespace-separated, dates YYYYMMDD, ids
   * zero-padded text. */
  /* Translators: the titles of column mappings, shown when choosing one */
  { "cdnow", N_("CDNOW customer purchases"), "customerid|date|numberofcds|dollarvalue",
    "customer_id;;;date;;dollar_value;;;;", NULL, FALSE },
  { "generic", N_("Columns by name"), NULL, NULL, NULL, FALSE },
  { NULL }
};

static void
customer_free (Customer *customer)
{
  g_free (customer->external_id);
  g_free (customer->name);
  g_free (customer->channel);
  g_free (customer->campaign);
  g_free (customer);
}

static guint
cell_hash (gconstpointer key)
{
  const Cell *cell = key;

  return g_direct_hash (cell->customer) ^ ((guint)cell->month * 2654435761u);
}

static gboolean
cell_equal (gconstpointer a,
            gconstpointer b)
{
  const Cell *x = a, *y = b;

  return x->customer == y->customer && x->month == y->month;
}

static gboolean
missing_column (SlImporter  *importer,
                const char  *what,
                const char  *looked_for,
                GError     **error)
{
  g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN,
               /* Translators: a file name, a field (“amount”), then the column names looked for */
               _("%s:1: no column for “%s” (looked for: %s)"),
               sl_importer_get_private (importer)->file_name, what, looked_for);
  return FALSE;
}

static gboolean
sl_revenue_importer_begin (SlImporter  *importer,
                           GError     **error)
{
  SlRevenueImporter *self = SL_REVENUE_IMPORTER (importer);

  if (sl_importer_has_field (importer, FIELD_MRR))
    self->value_field = FIELD_MRR;
  else if (sl_importer_has_field (importer, FIELD_AMOUNT))
    self->value_field = FIELD_AMOUNT;
  else
    {
      g_autofree char *aliases = g_strjoin ("|", fields[FIELD_MRR].aliases, fields[FIELD_AMOUNT].aliases, NULL);

      return missing_column (importer, fields[FIELD_AMOUNT].name, aliases, error);
    }
  if (!sl_importer_has_field (importer, FIELD_MONTH) && !sl_importer_has_field (importer, FIELD_DATE))
    {
      g_autofree char *aliases = g_strjoin ("|", fields[FIELD_DATE].aliases, fields[FIELD_MONTH].aliases, NULL);

      return missing_column (importer, fields[FIELD_DATE].name, aliases, error);
    }
  return TRUE;
}

/* The first day of the row's Gregorian month, and the day of the row:
 * a transaction's date, or for MRR rows the month's first day. */
static gboolean
read_month (SlRevenueImporter  *self,
            SlDay              *month,
            SlDay              *day,
            GError            **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  /* MRR rows are read by month, transactions by date, when both are there. */
  guint preferred = self->value_field == FIELD_MRR ? FIELD_MONTH : FIELD_DATE;
  guint field = sl_importer_has_field (importer, preferred) ? preferred : FIELD_MONTH + FIELD_DATE - preferred;
  const char *text = sl_importer_get_text (importer, field);
  SlPeriod period;
  int year, mon, mday;

  if (text != NULL && *text != '\0' && strlen (text) == 7 &&
      sl_period_parse (text, SL_CALENDAR_GREGORIAN, 1, &period, NULL) &&
      period.kind == SL_PERIOD_MONTH)
    {
      *month = *day = period.first;
      return TRUE;
    }
  if (!sl_importer_read_day (importer, field, TRUE, day, error))
    return FALSE;
  sl_day_to_ymd (*day, &year, &mon, &mday);
  *month = sl_day_from_ymd (year, mon, 1);
  if (self->value_field == FIELD_MRR)
    *day = *month;
  return TRUE;
}

static gboolean
read_amounts (SlRevenueImporter  *self,
              SlDay               day,
              gint64             *revenue,
              gboolean           *has_gross_profit,
              gint64             *gross_profit,
              GError            **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  const char *text = sl_importer_get_text (importer, FIELD_GROSS_PROFIT);
  gint64 minor = 0;
  char currency[4];

  if (!sl_importer_read_money (importer, self->value_field, FIELD_CURRENCY, day, TRUE,
                               &minor, revenue, currency, error))
    return FALSE;
  if (minor < 0)
    return sl_importer_row_error (importer, error, self->value_field,
                                  /* Translators: the first %s is what the file holds, the second a column */
                                  _("“%s” in “%s” is negative; refunds are not imported"),
                                  sl_importer_get_text (importer, self->value_field),
                                  fields[self->value_field].name);
  *has_gross_profit = text != NULL && *text != '\0';
  return !*has_gross_profit ||
         sl_importer_read_money (importer, FIELD_GROSS_PROFIT, FIELD_CURRENCY, day, TRUE,
                                 &minor, gross_profit, currency, error);
}

static Customer *
find_customer (SlRevenueImporter  *self,
               const char         *external_id,
               GError            **error)
{
  SlDatabase *db = sl_importer_get_database (SL_IMPORTER (self));
  g_autoptr(SlStatement) stmt = NULL;
  Customer *customer = g_hash_table_lookup (self->customers, external_id);
  gboolean has_row;

  if (customer != NULL)
    return customer;
  stmt = sl_database_prepare (db, "SELECT id FROM customer WHERE external_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_STATIC);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return NULL;

  customer = g_new0 (Customer, 1);
  customer->external_id = g_strdup (external_id);
  customer->existing = has_row;
  customer->id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  customer->acquired = SL_DAY_INVALID;
  g_hash_table_insert (self->customers, customer->external_id, customer);
  if (!has_row)
    g_ptr_array_add (self->new_customers, customer);
  return customer;
}

/* Never overwrite: a month an earlier import gave revenue is refused. */
static gboolean
check_month_free (SlRevenueImporter  *self,
                  Customer           *customer,
                  SlDay               month,
                  GError            **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlDatabase *db = sl_importer_get_database (importer);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;
  int year, mon, mday;

  if (!customer->existing)
    return TRUE;
  stmt = sl_database_prepare (db, "SELECT batch_id FROM customer_mrr WHERE customer_id = ?1 AND month_day = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer->id);
  sqlite3_bind_int (stmt, 2, month);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;
  sl_day_to_ymd (month, &year, &mon, &mday);
  return sl_importer_row_error (importer, error, FIELD_CUSTOMER,
                                /* Translators: %s is a customer id, %04d-%02d a month (2025-03),
                                 * %lld an import's number */
                                _("customer “%s” already has revenue for %04d-%02d (import %lld)"),
                                customer->external_id, year, mon,
                                (long long)sqlite3_column_int64 (stmt, 0));
}

static void
keep_first (char       **slot,
            const char  *text)
{
  if (*slot == NULL && text != NULL && *text != '\0')
    *slot = g_strdup (text);
}

static gboolean
sl_revenue_importer_import_row (SlImporter  *importer,
                                GError     **error)
{
  SlRevenueImporter *self = SL_REVENUE_IMPORTER (importer);
  const char *external_id = sl_importer_get_text (importer, FIELD_CUSTOMER);
  gint64 revenue = 0, gross_profit = 0, sum = 0;
  gboolean has_gross_profit = FALSE;
  Customer *customer;
  Cell key, *cell;
  SlDay month, day;

  if (*external_id == '\0')
    /* Translators: the customer column of a revenue file has no id */
    return sl_importer_row_error (importer, error, FIELD_CUSTOMER, _("the customer is empty"));
  if (!read_month (self, &month, &day, error) ||
      !read_amounts (self, day, &revenue, &has_gross_profit, &gross_profit, error) ||
      (customer = find_customer (self, external_id, error)) == NULL ||
      !check_month_free (self, customer, month, error))
    return FALSE;

  key = (Cell) { customer, month, 0, 0, TRUE };
  cell = g_hash_table_lookup (self->cells, &key);
  if (cell == NULL)
    cell = &key;
  if (!sl_int64_add_checked (cell->revenue, revenue, &sum) ||
      (has_gross_profit && !sl_int64_add_checked (cell->gross_profit, gross_profit, &gross_profit)))
    return sl_importer_row_error (importer, error, self->value_field,
                                  /* Translators: %s is a customer id */
                                  _("the month’s revenue of customer “%s” is too large"), external_id);

  /* Checked: now keep it. */
  if (cell == &key)
    {
      cell = g_memdup2 (&key, sizeof key);
      g_hash_table_add (self->cells, cell);
    }
  cell->revenue = sum;
  cell->gross_profit = has_gross_profit ? gross_profit : 0;
  cell->gross_profit_known = cell->gross_profit_known && has_gross_profit;
  if (customer->acquired == SL_DAY_INVALID || day < customer->acquired)
    customer->acquired = day;
  keep_first (&customer->name, sl_importer_get_text (importer, FIELD_NAME));
  if (customer->channel == NULL && customer->campaign == NULL)
    {
      keep_first (&customer->channel, sl_importer_get_text (importer, FIELD_CHANNEL));
      keep_first (&customer->campaign, sl_importer_get_text (importer, FIELD_CAMPAIGN));
    }
  return TRUE;
}

static gboolean
insert_customer (SlRevenueImporter  *self,
                 Customer           *customer,
                 GError            **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlDatabase *db = sl_importer_get_database (importer);
  g_autoptr(SlStatement) stmt = NULL;
  gint64 channel_id = 0, campaign_id = 0;
  gboolean attributed = customer->channel != NULL || customer->campaign != NULL;

  if (attributed &&
      !sl_importer_resolve_campaign (importer, customer->channel, customer->campaign,
                                     &channel_id, &campaign_id, error))
    return FALSE;
  stmt = sl_database_prepare (db,
                              "INSERT INTO customer (external_id, name, acquired_day, channel_id, "
                              "campaign_id, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer->external_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, customer->name ? customer->name : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, customer->acquired);
  if (attributed)
    {
      sqlite3_bind_int64 (stmt, 4, channel_id);
      sqlite3_bind_int64 (stmt, 5, campaign_id);
    }
  sqlite3_bind_int64 (stmt, 6, sl_importer_get_batch_id (importer));
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;
  customer->id = sl_database_last_insert_id (db);
  return TRUE;
}

static gboolean
insert_cells (SlRevenueImporter  *self,
              GError            **error)
{
  SlImporter *importer = SL_IMPORTER (self);
  SlDatabase *db = sl_importer_get_database (importer);
  g_autoptr(SlStatement) stmt = NULL;
  GHashTableIter iter;
  Cell *cell;

  stmt = sl_database_prepare (db,
                              "INSERT INTO customer_mrr (customer_id, month_day, mrr_minor, "
                              "gross_profit_minor, currency, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, (gpointer *)&cell, NULL))
    {
      sqlite3_bind_int64 (stmt, 1, cell->customer->id);
      sqlite3_bind_int (stmt, 2, cell->month);
      sqlite3_bind_int64 (stmt, 3, cell->revenue);
      if (cell->gross_profit_known)
        sqlite3_bind_int64 (stmt, 4, cell->gross_profit);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_text (stmt, 5, sl_importer_get_currency (importer), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, sl_importer_get_batch_id (importer));
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
sl_revenue_importer_finish (SlImporter  *importer,
                            GError     **error)
{
  SlRevenueImporter *self = SL_REVENUE_IMPORTER (importer);

  for (guint i = 0; i < self->new_customers->len; i++)
    {
      Customer *customer = g_ptr_array_index (self->new_customers, i);

      /* Only customers with an accepted row. */
      if (customer->acquired != SL_DAY_INVALID && !insert_customer (self, customer, error))
        return FALSE;
    }
  return insert_cells (self, error);
}

static void
sl_revenue_importer_finalize (GObject *object)
{
  SlRevenueImporter *self = SL_REVENUE_IMPORTER (object);

  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->new_customers, g_ptr_array_unref);
  g_clear_pointer (&self->customers, g_hash_table_unref);

  G_OBJECT_CLASS (sl_revenue_importer_parent_class)->finalize (object);
}

static void
sl_revenue_importer_class_init (SlRevenueImporterClass *klass)
{
  SlImporterClass *importer_class = SL_IMPORTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sl_revenue_importer_finalize;
  importer_class->fields = fields;
  importer_class->n_fields = N_FIELDS;
  importer_class->presets = presets;
  importer_class->date_fields = date_fields;
  importer_class->n_date_fields = G_N_ELEMENTS (date_fields);
  importer_class->begin = sl_revenue_importer_begin;
  importer_class->import_row = sl_revenue_importer_import_row;
  importer_class->finish = sl_revenue_importer_finish;
}

static void
sl_revenue_importer_init (SlRevenueImporter *self)
{
  self->customers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)customer_free);
  self->new_customers = g_ptr_array_new ();
  self->cells = g_hash_table_new_full (cell_hash, cell_equal, g_free, NULL);
}
