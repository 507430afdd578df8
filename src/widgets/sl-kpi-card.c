/* sl-kpi-card.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sl-tooltip.h"
#include "sl-kpi-card.h"

struct _SlKpiCard
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkLabel      *title;
  GtkLabel      *value;
  GtkWidget     *change_row;
  GtkLabel      *arrow_label;
  GtkLabel      *change_label;
  GtkWidget     *goal_row;
  GtkImage      *goal_image;
  GtkLabel      *goal_label;
  AdwBin        *trend_slot;

  char          *definition;
  char          *reason;        /* why the value is undefined, or NULL */
  SlKpiCardArrow arrow;
  SlKpiCardTone  tone;
  SlKpiCardGoal  goal;
};

G_DEFINE_FINAL_TYPE (SlKpiCard, sl_kpi_card, GTK_TYPE_WIDGET)

static const char *const tone_classes[] = { "dim-label", "success", "error", "warning" };

static GtkLabel *
new_label (const char *css_class,
           int         max_width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Narrow enough for four cards a line in a wide window. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);
  gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

/* An icon and a label side by side, the icon at the start. */
static GtkWidget *
new_row (GtkImage **image,
         GtkLabel **label)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  *image = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (*image), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (*image), 1);
  *label = new_label ("caption", 28);
  gtk_widget_set_hexpand (GTK_WIDGET (*label), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (*image));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (*label));
  return row;
}

/* The arrow a glyph, its meaning in the card's description. */
static GtkWidget *
new_change_row (GtkLabel **arrow,
                GtkLabel **label)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  *arrow = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_set_valign (GTK_WIDGET (*arrow), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (*arrow), "caption-heading");
  *label = new_label ("caption", 28);
  gtk_widget_set_hexpand (GTK_WIDGET (*label), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (*arrow));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (*label));
  return row;
}

static void
set_tone_class (GtkWidget  *widget,
                const char *css_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (tone_classes); i++)
    gtk_widget_remove_css_class (widget, tone_classes[i]);
  gtk_widget_add_css_class (widget, css_class);
}

static void
update_arrow (SlKpiCard *self)
{
  /* Level points the way time runs: to the left right to left. */
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  const char *const arrows[] = { "", "↑", "↓", rtl ? "←" : "→" };

  gtk_label_set_label (self->arrow_label, arrows[self->arrow]);
  gtk_widget_set_visible (GTK_WIDGET (self->arrow_label), self->arrow != SL_KPI_CARD_ARROW_NONE);
}

static void
update_tooltip (SlKpiCard *self)
{
  g_autofree char *undefined = NULL;
  g_autofree char *text = NULL;

  if (self->reason != NULL)
    /* Translators: why a figure has no value, e.g. “Undefined: no leads” */
    undefined = g_strdup_printf (_("Undefined: %s"), self->reason);
  if (self->definition != NULL && undefined != NULL)
    text = g_strconcat (self->definition, "\n\n", undefined, NULL);
  else
    text = g_strdup (undefined != NULL ? undefined : self->definition);
  sl_tooltip_set_text (GTK_WIDGET (self), text);
}

static void
update_accessible (SlKpiCard *self)
{
  g_autofree char *description = sl_kpi_card_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (self->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
sl_kpi_card_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (sl_kpi_card_parent_class)->direction_changed (widget, previous);
  update_arrow (SL_KPI_CARD (widget));
}

static void
sl_kpi_card_dispose (GObject *object)
{
  SlKpiCard *self = (SlKpiCard *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sl_kpi_card_parent_class)->dispose (object);
}

static void
sl_kpi_card_finalize (GObject *object)
{
  SlKpiCard *self = (SlKpiCard *)object;

  g_free (self->definition);
  g_free (self->reason);

  G_OBJECT_CLASS (sl_kpi_card_parent_class)->finalize (object);
}

static void
sl_kpi_card_class_init (SlKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_kpi_card_dispose;
  object_class->finalize = sl_kpi_card_finalize;
  widget_class->direction_changed = sl_kpi_card_direction_changed;
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

  self->title = new_label ("caption-heading", 24);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "dim-label");
  self->value = new_label ("title-1", 16);
  gtk_widget_add_css_class (GTK_WIDGET (self->value), "numeric");
  self->change_row = new_change_row (&self->arrow_label, &self->change_label);
  self->goal_row = new_row (&self->goal_image, &self->goal_label);
  self->trend_slot = ADW_BIN (adw_bin_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->trend_slot), 4);
  gtk_widget_set_visible (GTK_WIDGET (self->trend_slot), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->value));
  gtk_box_append (GTK_BOX (self->box), self->change_row);
  gtk_box_append (GTK_BOX (self->box), self->goal_row);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->trend_slot));

  /* Focusable, so a keyboard reaches its tooltip and a screen reader
   * reads it whole. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  sl_kpi_card_set_value (self, NULL, NULL);
  sl_kpi_card_set_change (self, NULL, SL_KPI_CARD_ARROW_NONE, SL_KPI_CARD_NEUTRAL);
  sl_kpi_card_set_goal (self, NULL, SL_KPI_CARD_NO_GOAL);
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
  g_free (self->definition);
  self->definition = g_strdup (definition);
  update_tooltip (self);
  update_accessible (self);
}

void
sl_kpi_card_set_value (SlKpiCard  *self,
                       const char *text,
                       const char *reason)
{
  g_return_if_fail (SL_IS_KPI_CARD (self));

  gtk_label_set_label (self->value, reason != NULL || text == NULL ? "—" : text);
  g_free (self->reason);
  self->reason = g_strdup (reason);
  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->value), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value), "dim-label");
  update_tooltip (self);
  update_accessible (self);
}

void
sl_kpi_card_set_change (SlKpiCard      *self,
                        const char     *text,
                        SlKpiCardArrow  arrow,
                        SlKpiCardTone   tone)
{
  g_return_if_fail (SL_IS_KPI_CARD (self));
  g_return_if_fail (arrow <= SL_KPI_CARD_ARROW_FLAT);
  g_return_if_fail (tone <= SL_KPI_CARD_BAD);

  self->arrow = arrow;
  self->tone = tone;
  gtk_label_set_label (self->change_label, text);
  update_arrow (self);
  gtk_widget_set_visible (self->change_row, text != NULL || arrow != SL_KPI_CARD_ARROW_NONE);
  set_tone_class (GTK_WIDGET (self->change_label), tone_classes[tone]);
  set_tone_class (GTK_WIDGET (self->arrow_label), tone_classes[tone]);
  update_accessible (self);
}

void
sl_kpi_card_set_goal (SlKpiCard     *self,
                      const char    *text,
                      SlKpiCardGoal  goal)
{
  static const char *const icons[] = { NULL, "object-select-symbolic", "dialog-warning-symbolic", NULL };
  static const guint tones[] = { 0, 1, 3, 0 };

  g_return_if_fail (SL_IS_KPI_CARD (self));
  g_return_if_fail (goal <= SL_KPI_CARD_GOAL_UNKNOWN);

  self->goal = goal;
  if (text == NULL && goal == SL_KPI_CARD_NO_GOAL)
    text = _("No goal");
  gtk_label_set_label (self->goal_label, text);
  gtk_image_set_from_icon_name (self->goal_image, icons[goal]);
  gtk_widget_set_visible (GTK_WIDGET (self->goal_image), icons[goal] != NULL);
  gtk_widget_set_visible (self->goal_row, text != NULL);
  set_tone_class (GTK_WIDGET (self->goal_label), tone_classes[tones[goal]]);
  set_tone_class (GTK_WIDGET (self->goal_image), tone_classes[tones[goal]]);
  update_accessible (self);
}

void
sl_kpi_card_set_trend_widget (SlKpiCard *self,
                              GtkWidget *trend)
{
  g_return_if_fail (SL_IS_KPI_CARD (self));
  g_return_if_fail (trend == NULL || GTK_IS_WIDGET (trend));

  adw_bin_set_child (self->trend_slot, trend);
  gtk_widget_set_visible (GTK_WIDGET (self->trend_slot), trend != NULL);
}

GtkWidget *
sl_kpi_card_get_trend_widget (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), NULL);
  return adw_bin_get_child (self->trend_slot);
}

const char *
sl_kpi_card_get_title (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), NULL);
  return gtk_label_get_label (self->title);
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

SlKpiCardArrow
sl_kpi_card_get_arrow (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), SL_KPI_CARD_ARROW_NONE);
  return self->arrow;
}

SlKpiCardTone
sl_kpi_card_get_change (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), SL_KPI_CARD_NEUTRAL);
  return self->tone;
}

const char *
sl_kpi_card_get_goal_text (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), NULL);
  return gtk_label_get_label (self->goal_label);
}

SlKpiCardGoal
sl_kpi_card_get_goal (SlKpiCard *self)
{
  g_return_val_if_fail (SL_IS_KPI_CARD (self), SL_KPI_CARD_NO_GOAL);
  return self->goal;
}

void
sl_kpi_card_get_change_color (SlKpiCard *self,
                              GdkRGBA   *out)
{
  g_return_if_fail (SL_IS_KPI_CARD (self));
  g_return_if_fail (out != NULL);

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->change_label)), out);
}

/* "Up: 12.0 % against May 2025 (bad)" */
static void
append_change (SlKpiCard *self,
               GString   *out)
{
  const char *change = gtk_label_get_label (self->change_label);
  g_autofree char *moved = NULL;

  switch (self->arrow)
    {
    case SL_KPI_CARD_ARROW_UP:
      /* Translators: a KPI went up, and the card's change text, e.g. “Up: 12.0 % against May 2025” */
      moved = g_strdup_printf (_("Up: %s"), change);
      break;
    case SL_KPI_CARD_ARROW_DOWN:
      /* Translators: a KPI went down, and the card's change text */
      moved = g_strdup_printf (_("Down: %s"), change);
      break;
    case SL_KPI_CARD_ARROW_FLAT:
      /* Translators: a KPI stayed level, and the card's change text */
      moved = g_strdup_printf (_("Level: %s"), change);
      break;
    case SL_KPI_CARD_ARROW_NONE:
    default:
      moved = g_strdup (change);
      break;
    }
  if (self->tone == SL_KPI_CARD_GOOD)
    /* Translators: a KPI's change, which is good news */
    g_string_append_printf (out, _("%s (good)"), moved);
  else if (self->tone == SL_KPI_CARD_BAD)
    /* Translators: a KPI's change, which is bad news */
    g_string_append_printf (out, _("%s (bad)"), moved);
  else
    g_string_append (out, moved);
}

char *
sl_kpi_card_dup_description (SlKpiCard *self)
{
  GString *text;

  g_return_val_if_fail (SL_IS_KPI_CARD (self), NULL);

  text = g_string_new (NULL);
  if (self->reason != NULL)
    /* Translators: why a figure has no value, e.g. “Undefined: no leads” */
    g_string_append_printf (text, _("Undefined: %s"), self->reason);
  else
    g_string_append (text, gtk_label_get_label (self->value));
  if (gtk_widget_get_visible (self->change_row))
    {
      g_string_append_c (text, '\n');
      append_change (self, text);
    }
  if (gtk_widget_get_visible (self->goal_row))
    g_string_append_printf (text, "\n%s", gtk_label_get_label (self->goal_label));
  if (self->definition != NULL)
    g_string_append_printf (text, "\n%s", self->definition);
  return g_string_free (text, FALSE);
}
