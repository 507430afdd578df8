/* sl-range-chooser.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-collab-common.h"
#include "sl-range-chooser.h"

struct _SlRangeChooser
{
  AdwPreferencesGroup  parent_instance;

  AdwComboRow         *kind_row;
  AdwActionRow        *period_row;
  GtkWidget           *previous_button;
  GtkWidget           *next_button;
  AdwEntryRow         *first_row;
  AdwEntryRow         *last_row;

  SlWorkspace         *workspace;
  SlPeriod             period;    /* a month, quarter or fiscal year, or custom */
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (SlRangeChooser, sl_range_chooser, ADW_TYPE_PREFERENCES_GROUP)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The kinds offered, in the order of the kind row. */
static const SlPeriodKind kinds[] = { SL_PERIOD_MONTH, SL_PERIOD_QUARTER, SL_PERIOD_FISCAL_YEAR, SL_PERIOD_CUSTOM };

static guint
kind_index (SlPeriodKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      return i;
  return G_N_ELEMENTS (kinds) - 1;
}

static void
set_day_text (AdwEntryRow *row,
              SlDay        day)
{
  g_autofree char *text = sl_day_to_iso (day);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Shows self->period in the rows. */
static void
sync_rows (SlRangeChooser *self)
{
  gboolean custom = self->period.kind == SL_PERIOD_CUSTOM;
  g_autofree char *label = sl_period_format (&self->period, NULL);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind_index (self->period.kind));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->period_row), label);
  gtk_widget_set_visible (GTK_WIDGET (self->period_row), !custom);
  gtk_widget_set_visible (GTK_WIDGET (self->first_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->last_row), custom);
  if (custom)
    {
      set_day_text (self->first_row, self->period.first);
      set_day_text (self->last_row, self->period.last);
    }
  self->updating = FALSE;
}

static gboolean
read_day (AdwEntryRow *row,
          SlDay       *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gboolean ok = sl_day_parse_iso (text, out, NULL);

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return ok;
}

static void
kind_changed_cb (SlRangeChooser *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  SlPeriodKind kind = selected < G_N_ELEMENTS (kinds) ? kinds[selected] : SL_PERIOD_CUSTOM;

  SlDay first;

  if (self->updating || self->workspace == NULL || kind == self->period.kind)
    return;
  /* Leaving a custom range: from the first day typed, if it reads. */
  if (self->period.kind == SL_PERIOD_CUSTOM && read_day (self->first_row, &first))
    self->period.first = first;
  if (kind == SL_PERIOD_CUSTOM)
    sl_period_init_custom (&self->period, sl_workspace_get_calendar (self->workspace), self->period.first,
                           self->period.last, NULL);
  else
    sl_period_init (&self->period, kind, sl_workspace_get_calendar (self->workspace),
                    sl_workspace_get_fiscal_start_month (self->workspace), self->period.first);
  sync_rows (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
step_cb (GtkButton      *button,
         SlRangeChooser *self)
{
  if (GTK_WIDGET (button) == self->previous_button)
    sl_period_previous (&self->period, &self->period);
  else
    sl_period_next (&self->period, &self->period);
  sync_rows (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
day_changed_cb (SlRangeChooser *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
new_step_button (SlRangeChooser *self,
                 const char     *icon_name,
                 const char     *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_object (button, "clicked", G_CALLBACK (step_cb), self, 0);
  return button;
}

static AdwEntryRow *
new_day_row (SlRangeChooser *self,
             const char     *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  g_signal_connect_object (row, "changed", G_CALLBACK (day_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return ADW_ENTRY_ROW (row);
}

static void
sl_range_chooser_dispose (GObject *object)
{
  SlRangeChooser *self = (SlRangeChooser *)object;

  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (sl_range_chooser_parent_class)->dispose (object);
}

static void
sl_range_chooser_class_init (SlRangeChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_range_chooser_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_range_chooser_init (SlRangeChooser *self)
{
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);

  gtk_string_list_append (kind_names, _("Month"));
  gtk_string_list_append (kind_names, _("Quarter"));
  gtk_string_list_append (kind_names, _("Fiscal year"));
  gtk_string_list_append (kind_names, _("Custom range"));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Period"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->kind_row));

  self->period_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->previous_button = new_step_button (self, "go-previous-symbolic", _("Previous period"));
  self->next_button = new_step_button (self, "go-next-symbolic", _("Next period"));
  adw_action_row_add_suffix (self->period_row, self->previous_button);
  adw_action_row_add_suffix (self->period_row, self->next_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->period_row));

  /* Translators: a date typed as 2025-03-01 */
  self->first_row = new_day_row (self, _("First day (YYYY-MM-DD)"));
  /* Translators: a date typed as 2025-03-31 */
  self->last_row = new_day_row (self, _("Last day (YYYY-MM-DD)"));
}

GtkWidget *
sl_range_chooser_new (SlWorkspace *workspace)
{
  SlRangeChooser *self;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SL_TYPE_RANGE_CHOOSER, NULL);
  self->workspace = g_object_ref (workspace);
  sl_workspace_get_default_fiscal_year (workspace, &self->period);
  sync_rows (self);
  return GTK_WIDGET (self);
}

void
sl_range_chooser_set_period (SlRangeChooser *self,
                             const SlPeriod *period)
{
  g_return_if_fail (SL_IS_RANGE_CHOOSER (self));
  g_return_if_fail (period != NULL);

  self->period = *period;
  if (kind_index (period->kind) == G_N_ELEMENTS (kinds) - 1)
    self->period.kind = SL_PERIOD_CUSTOM;
  sync_rows (self);
}

void
sl_range_chooser_set_range (SlRangeChooser *self,
                            SlDay           first,
                            SlDay           last)
{
  SlPeriod period;

  g_return_if_fail (SL_IS_RANGE_CHOOSER (self));

  sl_collab_range_to_period (self->workspace, first, last, &period);
  sl_range_chooser_set_period (self, &period);
}

gboolean
sl_range_chooser_get_range (SlRangeChooser *self,
                            SlDay          *first,
                            SlDay          *last)
{
  gboolean first_ok, last_ok;

  g_return_val_if_fail (SL_IS_RANGE_CHOOSER (self), FALSE);

  if (self->period.kind != SL_PERIOD_CUSTOM)
    {
      *first = self->period.first;
      *last = self->period.last;
      return TRUE;
    }
  first_ok = read_day (self->first_row, first);
  last_ok = read_day (self->last_row, last);
  return first_ok && last_ok;
}

GtkWidget *
sl_range_chooser_get_part (SlRangeChooser *self,
                           const char     *name)
{
  g_return_val_if_fail (SL_IS_RANGE_CHOOSER (self), NULL);

  if (g_strcmp0 (name, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  if (g_strcmp0 (name, "period") == 0)
    return GTK_WIDGET (self->period_row);
  if (g_strcmp0 (name, "previous") == 0)
    return self->previous_button;
  if (g_strcmp0 (name, "next") == 0)
    return self->next_button;
  if (g_strcmp0 (name, "first") == 0)
    return GTK_WIDGET (self->first_row);
  if (g_strcmp0 (name, "last") == 0)
    return GTK_WIDGET (self->last_row);
  return NULL;
}
