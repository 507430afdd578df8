/* sl-preferences-window.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sl-money.h"
#include "sl-preferences-window-private.h"

/* Clicks of a spin button within this pause make one edit. */
#define COMMIT_DELAY_MS 700

/* DOMAIN.md: a discretionary reserve of 5–10 % of the total. */
#define RESERVE_ADVISED_MIN 500
#define RESERVE_ADVISED_MAX 1000

G_DEFINE_FINAL_TYPE (SlPreferencesWindow, sl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* In the order of the calendar row's list. */
static const SlCalendar calendars[] = {
  SL_CALENDAR_GREGORIAN, SL_CALENDAR_SOLAR_HIJRI, SL_CALENDAR_THAI,
};

/* Helpers */

static int
reserve_from_spin (SlPreferencesWindow *self)
{
  return (int)lround (gtk_spin_button_get_value (self->reserve_spin) * 100.0);
}

static void
update_reserve_advice (SlPreferencesWindow *self,
                       int                  basis_points)
{
  gboolean advised = basis_points >= RESERVE_ADVISED_MIN && basis_points <= RESERVE_ADVISED_MAX;
  g_autofree char *low = sl_number_format (RESERVE_ADVISED_MIN / 100.0, 0, NULL);
  g_autofree char *high = sl_number_format (RESERVE_ADVISED_MAX / 100.0, 0, NULL);
  g_autofree char *subtitle = NULL;

  if (advised)
    /* Translators: %s are the numbers 5 and 10, in your digits; %% is a percent sign */
    subtitle = g_strdup_printf (_("Held back so that surprises do not become overspend; %s to %s %% of the budget is usual"),
                                low, high);
  else
    /* Translators: %s are the numbers 5 and 10, in your digits; %% is a percent sign */
    subtitle = g_strdup_printf (_("Outside the usual %s to %s %% of the budget: finance may ask why"),
                                low, high);
  adw_action_row_set_subtitle (self->reserve_row, subtitle);
  gtk_widget_set_visible (self->reserve_warning, !advised);
}

static void
fill_months (SlPreferencesWindow *self)
{
  SlCalendar calendar = sl_workspace_get_calendar (self->workspace);
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *name = sl_calendar_month_name (calendar, month, NULL);

      gtk_string_list_append (months, name);
    }
  adw_combo_row_set_model (self->month_row, G_LIST_MODEL (months));
}

/* Shows @name as the row's text, not as an edit waiting to be applied. */
static void
set_name_text (SlPreferencesWindow *self,
               const char          *name)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name) == 0)
    return;
  adw_entry_row_set_show_apply_button (self->name_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  adw_entry_row_set_show_apply_button (self->name_row, TRUE);
}

static void
set_spin (SlPreferencesWindow *self,
          GtkSpinButton       *spin,
          double               value)
{
  /* An edit not yet written wins over the value it will replace. */
  if (!g_ptr_array_find (self->dirty_spins, spin, NULL))
    gtk_spin_button_set_value (spin, value);
}

/* Shows the workspace's settings; nothing is written meanwhile. */
static void
sync_from_workspace (SlPreferencesWindow *self)
{
  self->updating = TRUE;

  set_name_text (self, sl_workspace_get_name (self->workspace));
  gtk_label_set_label (self->currency_label, sl_workspace_get_currency (self->workspace));

  for (guint i = 0; i < G_N_ELEMENTS (calendars); i++)
    if (calendars[i] == sl_workspace_get_calendar (self->workspace))
      adw_combo_row_set_selected (self->calendar_row, i);
  fill_months (self);
  adw_combo_row_set_selected (self->month_row, sl_workspace_get_fiscal_start_month (self->workspace) - 1);

  set_spin (self, self->reserve_spin, sl_workspace_get_reserve_basis_points (self->workspace) / 100.0);
  set_spin (self, self->deadline_spin, sl_workspace_get_deadline_offset_days (self->workspace));
  set_spin (self, self->checkin_spin, sl_workspace_get_checkin_day (self->workspace));
  update_reserve_advice (self, reserve_from_spin (self));

  self->updating = FALSE;
}

static gboolean
commit_spin (SlPreferencesWindow  *self,
             GtkSpinButton        *spin,
             GError              **error)
{
  int value = gtk_spin_button_get_value_as_int (spin);

  if (spin == self->reserve_spin)
    return sl_workspace_set_reserve_basis_points (self->workspace, reserve_from_spin (self), error);
  if (spin == self->deadline_spin)
    return sl_workspace_set_deadline_offset_days (self->workspace, value, error);
  return sl_workspace_set_checkin_day (self->workspace, value, error);
}

void
sl_preferences_window_show_error (SlPreferencesWindow *self,
                                  GError              *error)
{
  g_autoptr(GError) owned = error;
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Callbacks */

/* Spin buttons show and read numbers in the locale's digits. */
static gboolean
spin_output_cb (SlPreferencesWindow *self,
                GtkSpinButton       *spin)
{
  g_autofree char *number = sl_number_format (gtk_spin_button_get_value (spin),
                                              gtk_spin_button_get_digits (spin), NULL);
  g_autofree char *text = NULL;

  if (spin == self->reserve_spin)
    /* Translators: the reserve as a percentage of the budget; %s is the number, %% a percent sign */
    text = g_strdup_printf (_("%s %%"), number);
  else
    text = g_steal_pointer (&number);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (SlPreferencesWindow *self,
               double              *new_value,
               GtkSpinButton       *spin)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  char *end = NULL;

  /* What stays when the text is refused: GTK applies it even then. */
  *new_value = gtk_spin_button_get_value (spin);
  for (const char *p = gtk_editable_get_text (GTK_EDITABLE (spin)); *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_digit_value (c) >= 0)
        g_string_append_c (ascii, '0' + g_unichar_digit_value (c));
      else if (c == '.' || c == ',' || c == 0x066B)  /* ٫, the Arabic decimal separator */
        g_string_append_c (ascii, '.');
      else if (c == '-')
        g_string_append_c (ascii, '-');
      else if (!g_unichar_isspace (c) && c != 0x066C && c != '%' && c != 0x066A)
        return GTK_INPUT_ERROR;
    }

  if (ascii->len == 0)
    return GTK_INPUT_ERROR;
  *new_value = g_ascii_strtod (ascii->str, &end);
  if (*end != '\0')
    {
      *new_value = gtk_spin_button_get_value (spin);
      return GTK_INPUT_ERROR;
    }
  return TRUE;
}

static void
workspace_notify_cb (SlPreferencesWindow *self,
                     GParamSpec          *pspec,
                     SlWorkspace         *workspace)
{
  sync_from_workspace (self);
}

static void
name_applied_cb (SlPreferencesWindow *self,
                 AdwEntryRow         *row)
{
  GError *error = NULL;

  if (!sl_workspace_set_name (self->workspace, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    sl_preferences_window_show_error (self, error);
  /* The name as stored: stripped, or the old one if refused. */
  set_name_text (self, sl_workspace_get_name (self->workspace));
}

static void
calendar_selected_cb (SlPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->calendar_row);
  GError *error = NULL;

  if (self->updating || self->workspace == NULL || selected >= G_N_ELEMENTS (calendars))
    return;
  if (!sl_workspace_set_calendar (self->workspace, calendars[selected], &error))
    {
      sl_preferences_window_show_error (self, error);
      sync_from_workspace (self);
    }
}

static void
month_selected_cb (SlPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->month_row);
  GError *error = NULL;

  if (self->updating || self->workspace == NULL || selected >= 12)
    return;
  if (!sl_workspace_set_fiscal_start_month (self->workspace, selected + 1, &error))
    {
      sl_preferences_window_show_error (self, error);
      sync_from_workspace (self);
    }
}

static gboolean
commit_timeout_cb (gpointer user_data)
{
  SlPreferencesWindow *self = user_data;

  self->commit_id = 0;
  sl_preferences_window_commit (self);
  return G_SOURCE_REMOVE;
}

static void
spin_changed_cb (SlPreferencesWindow *self,
                 GtkSpinButton       *spin)
{
  if (self->updating || self->workspace == NULL)
    return;

  if (spin == self->reserve_spin)
    update_reserve_advice (self, reserve_from_spin (self));
  if (!g_ptr_array_find (self->dirty_spins, spin, NULL))
    g_ptr_array_add (self->dirty_spins, spin);
  g_clear_handle_id (&self->commit_id, g_source_remove);
  self->commit_id = g_timeout_add (COMMIT_DELAY_MS, commit_timeout_cb, self);
}

/* Leaving a spin button writes what it holds at once. */
static void
spin_left_cb (SlPreferencesWindow *self)
{
  sl_preferences_window_commit (self);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlPreferencesWindow *self = SL_PREFERENCES_WINDOW (widget);
  SlUndoStack *stack = sl_workspace_get_undo_stack (self->workspace);
  GError *error = NULL;
  gboolean ok;

  sl_preferences_window_commit (self);
  if (g_str_equal (action_name, "win.undo"))
    ok = sl_undo_stack_undo (stack, &error);
  else
    ok = sl_undo_stack_redo (stack, &error);
  if (!ok)
    sl_preferences_window_show_error (self, error);
}

/* GObject */

static gboolean
sl_preferences_window_close_request (GtkWindow *window)
{
  sl_preferences_window_commit (SL_PREFERENCES_WINDOW (window));

  return GTK_WINDOW_CLASS (sl_preferences_window_parent_class)->close_request (window);
}

static void
sl_preferences_window_constructed (GObject *object)
{
  SlPreferencesWindow *self = (SlPreferencesWindow *)object;

  G_OBJECT_CLASS (sl_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (SL_IS_WORKSPACE (self->workspace));

  g_signal_connect_object (self->workspace, "notify", G_CALLBACK (workspace_notify_cb),
                           self, G_CONNECT_SWAPPED);
  sync_from_workspace (self);
  sl_preferences_window_you_init (self);
  sl_preferences_window_kpis_init (self);
}

static void
sl_preferences_window_dispose (GObject *object)
{
  SlPreferencesWindow *self = (SlPreferencesWindow *)object;

  if (self->workspace != NULL)
    sl_preferences_window_commit (self);
  g_clear_handle_id (&self->commit_id, g_source_remove);
  sl_preferences_window_accounts_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sl_preferences_window_parent_class)->dispose (object);
}

static void
sl_preferences_window_finalize (GObject *object)
{
  SlPreferencesWindow *self = (SlPreferencesWindow *)object;

  g_ptr_array_unref (self->dirty_spins);

  G_OBJECT_CLASS (sl_preferences_window_parent_class)->finalize (object);
}

static void
sl_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SlPreferencesWindow *self = SL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SlPreferencesWindow *self = SL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_preferences_window_class_init (SlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sl_preferences_window_constructed;
  object_class->dispose = sl_preferences_window_dispose;
  object_class->finalize = sl_preferences_window_finalize;
  object_class->get_property = sl_preferences_window_get_property;
  object_class->set_property = sl_preferences_window_set_property;
  window_class->close_request = sl_preferences_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, SL_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, currency_label);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, month_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, reserve_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, reserve_warning);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, reserve_spin);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, deadline_spin);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, checkin_spin);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_input_cb);
  sl_preferences_window_class_add_you_callbacks (widget_class);
  sl_preferences_window_class_add_kpi_callbacks (widget_class);
  sl_preferences_window_class_add_account_callbacks (widget_class);

  /* Undo and redo here too, under the main window's shortcuts. */
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

/* libadwaita 1.2 gives the window's own search entry no accessible
 * name: it is the search entry that is not ours. */
static void
label_search_entry (SlPreferencesWindow *self,
                    GtkWidget           *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget) && widget != GTK_WIDGET (self->add_search))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search preferences"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    label_search_entry (self, child);
}

static void
sl_preferences_window_init (SlPreferencesWindow *self)
{
  self->dirty_spins = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  label_search_entry (self, GTK_WIDGET (self));
}

SlPreferencesWindow *
sl_preferences_window_new (GtkWindow   *parent,
                           SlWorkspace *workspace)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  return g_object_new (SL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "workspace", workspace,
                       NULL);
}

SlWorkspace *
sl_preferences_window_get_workspace (SlPreferencesWindow *self)
{
  g_return_val_if_fail (SL_IS_PREFERENCES_WINDOW (self), NULL);
  return self->workspace;
}

void
sl_preferences_window_commit (SlPreferencesWindow *self)
{
  g_autoptr(GPtrArray) spins = NULL;

  g_return_if_fail (SL_IS_PREFERENCES_WINDOW (self));

  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (self->dirty_spins->len == 0)
    return;

  spins = g_ptr_array_copy (self->dirty_spins, NULL, NULL);
  g_ptr_array_set_size (self->dirty_spins, 0);
  for (guint i = 0; i < spins->len; i++)
    {
      GError *error = NULL;

      if (!commit_spin (self, spins->pdata[i], &error))
        sl_preferences_window_show_error (self, error);
    }
  /* A refused value goes back to the stored one. */
  sync_from_workspace (self);
}
