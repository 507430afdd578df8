/* sl-kpi-card.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-kpi-card.h"

struct _SlKpiCard
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkLabel    *title;
  GtkLabel    *value;
  GtkLabel    *change_label;
  GtkLabel    *goal_label;
  SlSparkline *sparkline;
  SlKpiCardTone  change;
  SlKpiCardTone    goal;
};

G_DEFINE_FINAL_TYPE (SlKpiCard, sl_kpi_card, GTK_TYPE_WIDGET)

static GtkLabel *
add_label (SlKpiCard  *self,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Narrow enough for four cards a line in a wide window. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->box), label);
  return GTK_LABEL (label);
}

static void
update_accessible (SlKpiCard *self)
{
  g_autofree char *text = g_strdup_printf ("%s: %s. %s. %s", gtk_label_get_text (self->title),
                                           gtk_label_get_text (self->value),
                                           gtk_label_get_text (self->change_label),
                                           gtk_label_get_text (self->goal_label));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
sl_kpi_card_dispose (GObject *object)
{
  SlKpiCard *self = (SlKpiCard *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sl_kpi_card_parent_class)->dispose (object);
}

static void
sl_kpi_card_class_init (SlKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_kpi_card_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpicard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sl_kpi_card_init (SlKpiCard *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_margin_start (self->box, 14);
  gtk_widget_set_margin_end (self->box, 14);
  self->title = add_label (self, "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "dim-label");
  self->value = add_label (self, "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->value), "numeric");
  self->change_label = add_label (self, "caption");
  self->goal_label = add_label (self, "caption");
  self->sparkline = SL_SPARKLINE (sl_sparkline_new ());
  /* One tab stop per card would be too many; the card's label carries
   * the figure for assistive technologies. */
  gtk_widget_set_focusable (GTK_WIDGET (self->sparkline), FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->sparkline), 4);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->sparkline));
}

GtkWidget *
sl_kpi_card_new (void)
{
  return g_object_new (SL_TYPE_KPI_CARD, NULL);
}

void
sl_kpi_card_set_title (SlKpiCard  *self,
                       const char *title,
                       const char *definition)
{
  g_return_if_fail (SL_IS_KPI_CARD (self));

  gtk_label_set_label (self->title, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), definition);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value), definition);
  update_accessible (self);
}

void
sl_kpi_card_set_value (SlKpiCard  *self,
                       const char *text,
                       const char *reason)
{
  g_return_if_fail (SL_IS_KPI_CARD (self));

  gtk_label_set_label (self->value, reason != NULL ? "—" : text);
  if (reason != NULL)
    {
      /* Translators: why a figure has no value, e.g. “Undefined: no leads” */
      g_autofree char *why = g_strdup_printf (_("Undefined: %s"), reason);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->value), why);
    }
  update_accessible (self);
}

void
sl_kpi_card_set_change (SlKpiCard   *self,
                        const char  *text,
                        SlKpiCardTone  change)
{
  g_return_if_fail (SL_IS_KPI_CARD (self));

  self->change = change;
  gtk_label_set_label (self->change_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label),
                            change == SL_KPI_CARD_GOOD ? "success"
                            : change == SL_KPI_CARD_BAD ? "error" : "dim-label");
  update_accessible (self);
}

void
sl_kpi_card_set_goal (SlKpiCard  *self,
                      const char *text,
                      SlKpiCardTone   goal)
{
  g_return_if_fail (SL_IS_KPI_CARD (self));

  self->goal = goal;
  gtk_label_set_label (self->goal_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->goal_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->goal_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->goal_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->goal_label),
                            goal == SL_KPI_CARD_GOOD ? "success"
                            : goal == SL_KPI_CARD_BAD ? "warning" : "dim-label");
  update_accessible (self);
}

SlSparkline *
sl_kpi_card_get_sparkline (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), NULL);
  return self->sparkline;
}

const char *
sl_kpi_card_get_value_text (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), NULL);
  return gtk_label_get_label (self->value);
}

const char *
sl_kpi_card_get_change_text (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), NULL);
  return gtk_label_get_label (self->change_label);
}

SlKpiCardTone
sl_kpi_card_get_change (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), SL_KPI_CARD_NEUTRAL);
  return self->change;
}

SlKpiCardTone
sl_kpi_card_get_goal (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), SL_KPI_CARD_NEUTRAL);
  return self->goal;
}
