/* sl-workspace.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-budget-amount-command.h"
#include "sl-demo.h"
#include "sl-workspace-private.h"

struct _SlWorkspace
{
  GObject          parent_instance;

  SlDatabase      *db;
  SlUndoStack     *undo_stack;
  SlChannelStore  *channels;
  SlCampaignStore *campaigns;
  SlKpiStore      *kpis;
  GPtrArray       *budget_stores;  /* GWeakRef*, stores handed out */
  GHashTable      *shared_stores;  /* GType → SlStore, made on first use */

  char            *name;
  char            *currency;
  char            *author;
  SlUserRole       user_role;
  SlCalendar       calendar;
  int              fiscal_start_month;
  int              reserve_basis_points;
  int              deadline_offset_days;
  int              checkin_day;
};

G_DEFINE_FINAL_TYPE (SlWorkspace, sl_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CURRENCY,
  PROP_AUTHOR,
  PROP_USER_ROLE,
  PROP_CALENDAR,
  PROP_FISCAL_START_MONTH,
  PROP_RESERVE_BASIS_POINTS,
  PROP_DEADLINE_OFFSET_DAYS,
  PROP_CHECKIN_DAY,
  N_PROPS,
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_int (SlWorkspace *self,
            int         *field,
            int          value,
            guint        prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_string (SlWorkspace  *self,
               char        **field,
               const char   *value,
               guint         prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Reads the settings, notifying those that changed. */
static gboolean
load_settings (SlWorkspace  *self,
               GError      **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;
  SlCalendar calendar;

  stmt = sl_database_prepare (self->db,
                              "SELECT name, currency, calendar, fiscal_start_month, "
                              "reserve_basis_points, deadline_offset_days, checkin_day "
                              "FROM workspace WHERE id = 1",
                              error);
  if (stmt == NULL || !sl_database_step_row (self->db, stmt, &has_row, error))
    return FALSE;

  if (!has_row || !sl_calendar_from_string ((const char *)sqlite3_column_text (stmt, 2), &calendar))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_WORKSPACE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Sunlight workspace: it has no workspace settings"),
                   sl_database_get_path (self->db));
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  update_string (self, &self->name, (const char *)sqlite3_column_text (stmt, 0), PROP_NAME);
  update_string (self, &self->currency, (const char *)sqlite3_column_text (stmt, 1), PROP_CURRENCY);
  update_int (self, (int *)&self->calendar, calendar, PROP_CALENDAR);
  update_int (self, &self->fiscal_start_month, sqlite3_column_int (stmt, 3), PROP_FISCAL_START_MONTH);
  update_int (self, &self->reserve_basis_points, sqlite3_column_int (stmt, 4), PROP_RESERVE_BASIS_POINTS);
  update_int (self, &self->deadline_offset_days, sqlite3_column_int (stmt, 5), PROP_DEADLINE_OFFSET_DAYS);
  update_int (self, &self->checkin_day, sqlite3_column_int (stmt, 6), PROP_CHECKIN_DAY);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

static void
reload_store (SlStore            *store,
              const char * const *tables)
{
  g_autoptr(GError) error = NULL;

  for (const char * const *t = tables; *t != NULL; t++)
    if (sl_store_watches (store, *t))
      {
        if (!sl_store_reload (store, &error))
          g_warning ("Could not reload a list: %s", error->message);
        return;
      }
}

static void
undo_stack_changed_cb (SlWorkspace        *self,
                       const char * const *tables,
                       SlUndoStack        *undo_stack)
{
  g_autoptr(GError) error = NULL;

  if (g_strv_contains (tables, "workspace") && !load_settings (self, &error))
    g_warning ("Could not reload the workspace settings: %s", error->message);

  reload_store (SL_STORE (self->channels), tables);
  reload_store (SL_STORE (self->campaigns), tables);
  reload_store (SL_STORE (self->kpis), tables);
  if (self->shared_stores != NULL)
    {
      GHashTableIter iter;
      gpointer store;

      g_hash_table_iter_init (&iter, self->shared_stores);
      while (g_hash_table_iter_next (&iter, NULL, &store))
        reload_store (store, tables);
    }
  for (guint i = 0; i < self->budget_stores->len; i++)
    {
      g_autoptr(SlStore) store = g_weak_ref_get (g_ptr_array_index (self->budget_stores, i));

      if (store != NULL)
        reload_store (store, tables);
    }

  for (const char * const *t = tables; *t != NULL; t++)
    g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (*t), *t);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
sl_workspace_dispose (GObject *object)
{
  SlWorkspace *self = (SlWorkspace *)object;

  g_clear_object (&self->undo_stack);
  g_clear_object (&self->channels);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->kpis);
  g_clear_pointer (&self->shared_stores, g_hash_table_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sl_workspace_parent_class)->dispose (object);
}

static void
sl_workspace_finalize (GObject *object)
{
  SlWorkspace *self = (SlWorkspace *)object;

  g_ptr_array_unref (self->budget_stores);
  g_free (self->name);
  g_free (self->currency);
  g_free (self->author);

  G_OBJECT_CLASS (sl_workspace_parent_class)->finalize (object);
}

static void
sl_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SlWorkspace *self = SL_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_USER_ROLE:
      g_value_set_int (value, self->user_role);
      break;
    case PROP_CALENDAR:
      g_value_set_int (value, self->calendar);
      break;
    case PROP_FISCAL_START_MONTH:
      g_value_set_int (value, self->fiscal_start_month);
      break;
    case PROP_RESERVE_BASIS_POINTS:
      g_value_set_int (value, self->reserve_basis_points);
      break;
    case PROP_DEADLINE_OFFSET_DAYS:
      g_value_set_int (value, self->deadline_offset_days);
      break;
    case PROP_CHECKIN_DAY:
      g_value_set_int (value, self->checkin_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_workspace_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SlWorkspace *self = SL_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      sl_workspace_set_author (self, g_value_get_string (value));
      break;
    case PROP_USER_ROLE:
      sl_workspace_set_user_role (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_workspace_class_init (SlWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sl_workspace_dispose;
  object_class->finalize = sl_workspace_finalize;
  object_class->get_property = sl_workspace_get_property;
  object_class->set_property = sl_workspace_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* An SlUserRole: the current user's, not stored in the file. */
  properties[PROP_USER_ROLE] =
    g_param_spec_int ("user-role", NULL, NULL, SL_USER_ROLE_MARKETING, SL_USER_ROLE_VIEWER,
                      SL_USER_ROLE_MARKETING,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* An SlCalendar. */
  properties[PROP_CALENDAR] =
    g_param_spec_int ("calendar", NULL, NULL, SL_CALENDAR_GREGORIAN, SL_CALENDAR_THAI,
                      SL_CALENDAR_GREGORIAN, flags);
  properties[PROP_FISCAL_START_MONTH] =
    g_param_spec_int ("fiscal-start-month", NULL, NULL, 1, 12, 1, flags);
  properties[PROP_RESERVE_BASIS_POINTS] =
    g_param_spec_int ("reserve-basis-points", NULL, NULL, 0, 10000, 800, flags);
  properties[PROP_DEADLINE_OFFSET_DAYS] =
    g_param_spec_int ("deadline-offset-days", NULL, NULL, 0, G_MAXINT, 14, flags);
  properties[PROP_CHECKIN_DAY] =
    g_param_spec_int ("checkin-day", NULL, NULL, 1, 31, 5, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlWorkspace::changed:
   * @table: the table that changed
   *
   * Emitted after a committed change, once the stores have reloaded;
   * detailed by the table name.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sl_workspace_init (SlWorkspace *self)
{
  const char *real_name = g_get_real_name ();

  self->budget_stores = g_ptr_array_new_with_free_func ((GDestroyNotify)weak_ref_free);
  self->author = g_strdup (g_strcmp0 (real_name, "Unknown") != 0 ? real_name : g_get_user_name ());
}

static SlWorkspace *
workspace_new_for_database (SlDatabase  *db,
                            GError     **error)
{
  g_autoptr(SlWorkspace) self = g_object_new (SL_TYPE_WORKSPACE, NULL);

  self->db = g_object_ref (db);
  if (!load_settings (self, error))
    return NULL;

  self->undo_stack = sl_undo_stack_new (db);
  sl_undo_stack_set_author (self->undo_stack, self->author);
  g_signal_connect_object (self->undo_stack, "changed",
                           G_CALLBACK (undo_stack_changed_cb), self, G_CONNECT_SWAPPED);

  self->channels = sl_channel_store_new (db);
  self->campaigns = sl_campaign_store_new (db);
  self->kpis = sl_kpi_store_new (db);
  if (!sl_store_reload (SL_STORE (self->channels), error) ||
      !sl_store_reload (SL_STORE (self->campaigns), error) ||
      !sl_store_reload (SL_STORE (self->kpis), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sl_workspace_open:
 * @path: a workspace file
 * @error: a location for an error
 *
 * Opens an existing workspace. Errors name the file and what is wrong
 * with it; a refused file is left as it was.
 */
SlWorkspace *
sl_workspace_open (const char  *path,
                   GError     **error)
{
  g_autoptr(SlDatabase) db = sl_database_open (path, SL_DATABASE_OPEN_EXISTING, error);

  if (db == NULL)
    return NULL;
  return workspace_new_for_database (db, error);
}

/**
 * sl_workspace_create:
 *
 * Creates a new, empty workspace file at @path; refuses to overwrite one.
 */
SlWorkspace *
sl_workspace_create (const char  *path,
                     const char  *name,
                     const char  *currency,
                     SlCalendar   calendar,
                     int          fiscal_start_month,
                     GError     **error)
{
  g_autoptr(SlDatabase) db = NULL;

  g_return_val_if_fail (path != NULL && name != NULL, NULL);

  if (!sl_currency_is_valid (currency))
    {
      g_set_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_UNKNOWN_CURRENCY,
                   /* Translators: %s is what the user typed as a currency code */
                   _("“%s” is not an ISO 4217 currency code"), currency);
      return NULL;
    }
  if (fiscal_start_month < 1 || fiscal_start_month > 12)
    {
      g_set_error (error, SL_PERIOD_ERROR, SL_PERIOD_ERROR_RANGE,
                   _("The fiscal year must start in a month from 1 to 12"));
      return NULL;
    }

  db = sl_database_open (path, SL_DATABASE_CREATE, error);
  if (db == NULL)
    return NULL;
  if (!sl_workspace_row_insert (db, name, currency, calendar, fiscal_start_month, 800, error))
    return NULL;

  return workspace_new_for_database (db, error);
}

SlDatabase *
sl_workspace_get_database (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  return self->db;
}

const char *
sl_workspace_get_path (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  return sl_database_get_path (self->db);
}

const char *
sl_workspace_get_name (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  return self->name;
}

const char *
sl_workspace_get_currency (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  return self->currency;
}

SlCalendar
sl_workspace_get_calendar (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), SL_CALENDAR_GREGORIAN);
  return self->calendar;
}

int
sl_workspace_get_fiscal_start_month (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), 1);
  return self->fiscal_start_month;
}

int
sl_workspace_get_reserve_basis_points (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), 0);
  return self->reserve_basis_points;
}

int
sl_workspace_get_deadline_offset_days (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), 0);
  return self->deadline_offset_days;
}

int
sl_workspace_get_checkin_day (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), 1);
  return self->checkin_day;
}

const char *
sl_workspace_get_author (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  return self->author;
}

void
sl_workspace_set_author (SlWorkspace *self,
                         const char  *author)
{
  g_return_if_fail (SL_IS_WORKSPACE (self));

  if (author == NULL || *author == '\0' || g_strcmp0 (author, self->author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);
  if (self->undo_stack != NULL)
    sl_undo_stack_set_author (self->undo_stack, author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

SlUserRole
sl_workspace_get_user_role (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), SL_USER_ROLE_VIEWER);
  return self->user_role;
}

void
sl_workspace_set_user_role (SlWorkspace *self,
                            SlUserRole   role)
{
  g_return_if_fail (SL_IS_WORKSPACE (self));
  g_return_if_fail ((guint)role <= SL_USER_ROLE_VIEWER);

  if (role == self->user_role)
    return;
  self->user_role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_ROLE]);
}

void
sl_workspace_track_store (SlWorkspace *self,
                          SlStore     *store)
{
  GWeakRef *ref;

  g_return_if_fail (SL_IS_WORKSPACE (self));
  g_return_if_fail (SL_IS_STORE (store));

  /* Forget stores that are gone, then remember this one. */
  for (guint i = self->budget_stores->len; i > 0; i--)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (g_ptr_array_index (self->budget_stores, i - 1));

      if (alive == NULL)
        g_ptr_array_remove_index_fast (self->budget_stores, i - 1);
    }
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, store);
  g_ptr_array_add (self->budget_stores, ref);
}

gpointer
sl_workspace_ensure_store (SlWorkspace *self,
                           GType        store_type)
{
  g_autoptr(GError) error = NULL;
  SlStore *store;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (g_type_is_a (store_type, SL_TYPE_STORE), NULL);

  if (self->shared_stores == NULL)
    self->shared_stores = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  store = g_hash_table_lookup (self->shared_stores, GSIZE_TO_POINTER (store_type));
  if (store != NULL)
    return store;

  store = g_object_new (store_type, "database", self->db, NULL);
  if (!sl_store_reload (store, &error))
    g_warning ("Could not read a list: %s", error->message);
  g_hash_table_insert (self->shared_stores, GSIZE_TO_POINTER (store_type), store);
  return store;
}

SlUndoStack *
sl_workspace_get_undo_stack (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  return self->undo_stack;
}

SlChannelStore *
sl_workspace_get_channels (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  return self->channels;
}

SlCampaignStore *
sl_workspace_get_campaigns (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  return self->campaigns;
}

SlKpiStore *
sl_workspace_get_kpis (SlWorkspace *self)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  return self->kpis;
}

SlBudgetLineStore *
sl_workspace_dup_budget_lines (SlWorkspace    *self,
                               const char     *version,
                               const SlPeriod *period)
{
  g_autoptr(SlBudgetLineStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  store = sl_budget_line_store_new (self->db, version, period->first, period->last);
  if (!sl_store_reload (SL_STORE (store), &error))
    g_warning ("Could not read the budget: %s", error->message);

  sl_workspace_track_store (self, SL_STORE (store));
  return g_steal_pointer (&store);
}

void
sl_workspace_get_fiscal_year (SlWorkspace *self,
                              SlDay        containing,
                              SlPeriod    *out)
{
  g_return_if_fail (SL_IS_WORKSPACE (self));

  sl_period_init (out, SL_PERIOD_FISCAL_YEAR, self->calendar, self->fiscal_start_month, containing);
}

void
sl_workspace_get_default_fiscal_year (SlWorkspace *self,
                                      SlPeriod    *out)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  SlPeriod today;
  gboolean has_row = FALSE;

  g_return_if_fail (SL_IS_WORKSPACE (self));

  sl_workspace_get_fiscal_year (self, sl_day_today (), &today);
  *out = today;

  stmt = sl_database_prepare (self->db,
                              "SELECT coalesce ("
                              "(SELECT max (first_day) FROM budget_line "
                              " WHERE version = 'plan' AND first_day BETWEEN ?1 AND ?2), "
                              "(SELECT max (first_day) FROM budget_line WHERE version = 'plan'))",
                              &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, today.first);
      sqlite3_bind_int (stmt, 2, today.last);
      if (!sl_database_step_row (self->db, stmt, &has_row, &error))
        g_warning ("Could not find the latest plan: %s", error->message);
    }

  if (has_row && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    sl_workspace_get_fiscal_year (self, sqlite3_column_int (stmt, 0), out);
}

SlDay
sl_workspace_get_last_actual_day (SlWorkspace *self)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), SL_DAY_INVALID);

  stmt = sl_database_prepare (self->db, "SELECT max (day) FROM rollup_day", &error);
  if (stmt == NULL || !sl_database_step_row (self->db, stmt, &has_row, &error))
    {
      g_warning ("Could not find the last day with figures: %s", error->message);
      return SL_DAY_INVALID;
    }
  if (!has_row || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return SL_DAY_INVALID;
  return sqlite3_column_int (stmt, 0);
}

const char * const sl_workspace_import_tables[] = {
  "import_batch", "channel", "campaign", "spend", "deal", "touchpoint",
  "customer", "customer_mrr", "budget_line", "rollup_day", NULL
};

void
sl_workspace_notify_changed (SlWorkspace        *self,
                             const char * const *tables)
{
  g_return_if_fail (SL_IS_WORKSPACE (self));
  g_return_if_fail (tables != NULL);

  undo_stack_changed_cb (self, tables, self->undo_stack);
}

gboolean
sl_workspace_run (SlWorkspace  *self,
                  SlCommand    *command,
                  GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  return sl_undo_stack_push (self->undo_stack, command, error);
}

gboolean
sl_workspace_set_budget_amount (SlWorkspace     *self,
                                const char      *version,
                                gint64           channel_id,
                                const SlPeriod  *month,
                                const SlMoney   *amount,
                                GError         **error)
{
  g_autofree char *month_label = NULL;
  g_autofree char *label = NULL;
  const char *what = _("Reserve");

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (month != NULL, FALSE);

  if (channel_id != 0)
    {
      SlChannel *channel = sl_channel_store_lookup (self->channels, channel_id);

      if (channel == NULL)
        {
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
                       _("The channel no longer exists"));
          return FALSE;
        }
      what = sl_channel_get_name (channel);
    }

  month_label = sl_period_format (month, NULL);
  /* Translators: an undo label; the first %s is a channel, the second a month */
  label = g_strdup_printf (_("Change %s, %s"), what, month_label);

  return sl_workspace_run (self,
                           sl_budget_amount_command_new (label, version, channel_id,
                                                         month->first, month->last, amount),
                           error);
}
