/* sl-plan-cell.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-plan-cell.h"

struct _SlPlanCell
{
  GtkWidget  parent_instance;

  GtkWidget *label;        /* GtkEditableLabel */
  SlPlanRow *row;
  gulong     changed_id;
  guint      month;
  char      *month_label;
  char      *shown;        /* the text of the row's amount */
};

G_DEFINE_FINAL_TYPE (SlPlanCell, sl_plan_cell, GTK_TYPE_WIDGET)

enum {
  SIGNAL_COMMIT,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
update_accessible_label (SlPlanCell *self)
{
  g_autofree char *label = NULL;
  const char *name = sl_plan_row_get_name (self->row);

  if (self->month == G_MAXUINT)
    {
      /* Translators: accessible name of a row total; %s is a channel name */
      label = g_strdup_printf (_("%s, total for the year"), name);
    }
  else
    {
      /* Translators: accessible name of a budget cell, e.g. “Paid Search, March 2025”:
       * the first %s is a channel name, the second a month and year */
      label = g_strdup_printf (_("%s, %s"), name, self->month_label);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
refresh (SlPlanCell *self)
{
  g_assert (self->row != NULL);

  /* Cancel an edit first, while the old text is still the one shown. */
  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label)))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (self->label), FALSE);

  g_free (self->shown);
  self->shown = sl_plan_row_format (self->row, self->month);
  gtk_editable_set_text (GTK_EDITABLE (self->label), self->shown);
}

static void
row_changed_cb (SlPlanCell *self,
                SlPlanRow  *row)
{
  refresh (self);
}

static void
editing_changed_cb (SlPlanCell       *self,
                    GParamSpec       *pspec,
                    GtkEditableLabel *label)
{
  g_autofree char *text = NULL;

  if (gtk_editable_label_get_editing (label) || self->row == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (label)));
  if (g_strcmp0 (text, self->shown) == 0)
    return;

  g_signal_emit (self, signals[SIGNAL_COMMIT], 0, g_strstrip (text));

  /* Show what the row holds now: the new amount, or the old one when
   * the edit was refused. */
  if (self->row != NULL)
    refresh (self);
}

static gboolean
release_label_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
sl_plan_cell_dispose (GObject *object)
{
  SlPlanCell *self = (SlPlanCell *)object;

  sl_plan_cell_unbind (self);

  /* GTK 4.8's GtkEditableLabel checks its focus 100 ms after losing it,
   * from a timeout it does not remove when disposed. Cells die when the
   * fiscal year changes or the window closes, often just after focus
   * moved away: keep the label alive until that timeout has run. */
  if (self->label != NULL)
    {
      GtkWidget *label = g_object_ref (self->label);

      g_clear_pointer (&self->label, gtk_widget_unparent);
      g_timeout_add (250, release_label_cb, label);
    }

  G_OBJECT_CLASS (sl_plan_cell_parent_class)->dispose (object);
}

static void
sl_plan_cell_finalize (GObject *object)
{
  SlPlanCell *self = (SlPlanCell *)object;

  g_free (self->month_label);
  g_free (self->shown);

  G_OBJECT_CLASS (sl_plan_cell_parent_class)->finalize (object);
}

static void
sl_plan_cell_class_init (SlPlanCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_plan_cell_dispose;
  object_class->finalize = sl_plan_cell_finalize;

  /**
   * SlPlanCell::commit:
   * @text: what the user typed, stripped of surrounding spaces
   *
   * Emitted when the user finished editing with a text different from
   * the amount shown.
   */
  signals[SIGNAL_COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plancell");
}

static void
sl_plan_cell_init (SlPlanCell *self)
{
  self->label = gtk_editable_label_new ("");
  gtk_editable_set_alignment (GTK_EDITABLE (self->label), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->label), 6);
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  g_signal_connect_object (self->label, "notify::editing",
                           G_CALLBACK (editing_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sl_plan_cell_new (guint       month,
                  const char *month_label)
{
  SlPlanCell *self = g_object_new (SL_TYPE_PLAN_CELL, NULL);

  self->month = month;
  self->month_label = g_strdup (month_label);
  if (month == G_MAXUINT)
    {
      gtk_editable_set_editable (GTK_EDITABLE (self->label), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "total");
    }
  return GTK_WIDGET (self);
}

void
sl_plan_cell_bind (SlPlanCell *self,
                   SlPlanRow  *row)
{
  gboolean editable;

  g_return_if_fail (SL_IS_PLAN_CELL (self));
  g_return_if_fail (SL_IS_PLAN_ROW (row));

  sl_plan_cell_unbind (self);

  self->row = g_object_ref (row);
  self->changed_id = g_signal_connect_object (row, "changed",
                                              G_CALLBACK (row_changed_cb), self,
                                              G_CONNECT_SWAPPED);

  editable = self->month != G_MAXUINT && sl_plan_row_get_editable (row);
  gtk_editable_set_editable (GTK_EDITABLE (self->label), editable);
  if (sl_plan_row_get_kind (row) == SL_PLAN_ROW_TOTAL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "total-row");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "total-row");

  update_accessible_label (self);
  refresh (self);
}

void
sl_plan_cell_unbind (SlPlanCell *self)
{
  g_return_if_fail (SL_IS_PLAN_CELL (self));

  if (self->row == NULL)
    return;

  g_clear_signal_handler (&self->changed_id, self->row);
  g_clear_object (&self->row);
}

SlPlanRow *
sl_plan_cell_get_row (SlPlanCell *self)
{
  g_return_val_if_fail (SL_IS_PLAN_CELL (self), NULL);
  return self->row;
}

guint
sl_plan_cell_get_month (SlPlanCell *self)
{
  g_return_val_if_fail (SL_IS_PLAN_CELL (self), G_MAXUINT);
  return self->month;
}

GtkEditable *
sl_plan_cell_get_editable (SlPlanCell *self)
{
  g_return_val_if_fail (SL_IS_PLAN_CELL (self), NULL);
  return GTK_EDITABLE (self->label);
}
