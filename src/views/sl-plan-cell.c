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

  GtkWidget *label;        /* GtkText */
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

/* A text field does not grow with its text, and sizes itself by a wide
 * average character: ask for exactly the amount's width, so that the
 * column is as wide as its widest amount. */
static void
request_width (SlPlanCell *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->label, self->shown);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->label), 1);
  gtk_widget_set_size_request (self->label, MAX (width, 32) + 6, -1);
}

static void
refresh (SlPlanCell *self)
{
  g_assert (self->row != NULL);

  g_free (self->shown);
  self->shown = sl_plan_row_format (self->row, self->month);
  gtk_editable_set_text (GTK_EDITABLE (self->label), self->shown);
  request_width (self);
}

static void
row_changed_cb (SlPlanCell *self,
                SlPlanRow  *row)
{
  refresh (self);
}

/* Ends an edit: a text other than the amount shown goes to ::commit. */
static void
commit (SlPlanCell *self)
{
  g_autofree char *text = NULL;

  if (self->row == NULL || !gtk_editable_get_editable (GTK_EDITABLE (self->label)))
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label)));
  if (g_strcmp0 (text, self->shown) == 0)
    return;

  g_signal_emit (self, signals[SIGNAL_COMMIT], 0, g_strstrip (text));

  /* Show what the row holds now: the new amount, or the old one when
   * the edit was refused. */
  if (self->row != NULL)
    refresh (self);
}

static void
activate_cb (SlPlanCell *self,
             GtkText    *text)
{
  commit (self);
}

static void
focus_leave_cb (SlPlanCell              *self,
                GtkEventControllerFocus *controller)
{
  commit (self);
}

static gboolean
select_all_cb (gpointer data)
{
  SlPlanCell *self = data;

  if (self->label != NULL && gtk_widget_has_focus (self->label))
    gtk_editable_select_region (GTK_EDITABLE (self->label), 0, -1);
  return G_SOURCE_REMOVE;
}

static void
focus_enter_cb (SlPlanCell              *self,
                GtkEventControllerFocus *controller)
{
  /* Typing replaces the amount, as in a spreadsheet; after the click
   * that focused the cell has placed its cursor. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, select_all_cb,
                   g_object_ref (self), g_object_unref);
}

static gboolean
key_pressed_cb (SlPlanCell            *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape || self->shown == NULL)
    return GDK_EVENT_PROPAGATE;

  /* Escape puts the amount back, as in a spreadsheet. */
  gtk_editable_set_text (GTK_EDITABLE (self->label), self->shown);
  gtk_editable_set_position (GTK_EDITABLE (self->label), -1);
  return GDK_EVENT_STOP;
}

static void
sl_plan_cell_dispose (GObject *object)
{
  SlPlanCell *self = (SlPlanCell *)object;

  /* Unbind first: losing focus while going away must not commit. */
  sl_plan_cell_unbind (self);
  g_clear_pointer (&self->label, gtk_widget_unparent);

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
  GtkEventController *controller;

  /* A GtkText rather than a GtkEditableLabel: GTK 4.8's editable label
   * checks its focus from a timeout that can outlive it. The cell commits
   * on Enter and when focus leaves it, and reverts on Escape. */
  self->label = gtk_text_new ();
  /* Ctrl+Z undoes the workspace's edits, not keystrokes in one cell. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->label), FALSE);
  gtk_editable_set_alignment (GTK_EDITABLE (self->label), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->label), 6);
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  g_signal_connect_object (self->label, "activate",
                           G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter",
                           G_CALLBACK (focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->label, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->label, controller);
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
      gtk_widget_set_focusable (self->label, FALSE);
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
  gtk_widget_set_focusable (self->label, editable);
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
