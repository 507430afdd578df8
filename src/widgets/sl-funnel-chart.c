/* sl-funnel-chart.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sl-funnel-chart-private.h"

G_DEFINE_FINAL_TYPE (SlFunnelChart, sl_funnel_chart, GTK_TYPE_WIDGET)

Stage *
sl_funnel_chart_stage (SlFunnelChart *self,
                       guint          i)
{
  g_assert (i < self->stages->len);
  return &g_array_index (self->stages, Stage, i);
}

void
sl_funnel_chart_stage_clear_layout (Stage *stage)
{
  g_clear_object (&stage->title_layout);
  g_clear_object (&stage->detail_layout);
  g_clear_object (&stage->step_layout);
  g_clear_object (&stage->leak_layout);
}

static void
stage_clear (gpointer data)
{
  Stage *stage = data;

  g_free (stage->name);
  g_free (stage->volume_text);
  g_free (stage->detail);
  g_free (stage->conversion);
  g_free (stage->days);
  g_free (stage->leak);
  sl_funnel_chart_stage_clear_layout (stage);
}

static guint
n_items (SlFunnelChart *self)
{
  return self->stages->len > 0 ? 2 * self->stages->len - 1 : 0;
}

static char *
dup_item_tooltip (SlFunnelChart *self,
                  guint          item)
{
  if (item % 2 == 0)
    return sl_funnel_chart_dup_stage_tooltip (self, item / 2);
  return sl_funnel_chart_dup_step_tooltip (self, item / 2);
}

static void
update_description (SlFunnelChart *self)
{
  g_autofree char *text = sl_funnel_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
data_changed (SlFunnelChart *self)
{
  self->laid_out = FALSE;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
sl_funnel_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SlFunnelChart *self = SL_FUNNEL_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = sl_funnel_chart_measure_width (self);
    }
  else
    *minimum = *natural = sl_funnel_chart_measure_height (self);
}

static void
sl_funnel_chart_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  sl_funnel_chart_layout (SL_FUNNEL_CHART (widget), width);
}

/* The stage (even) or step (odd) at @y, or -1. */
static int
item_at (SlFunnelChart *self,
         double         y)
{
  for (guint i = 0; self->laid_out && i < self->stages->len; i++)
    {
      const Stage *stage = sl_funnel_chart_stage (self, i);

      if (y >= stage->bar.origin.y && y < stage->bar.origin.y + stage->bar.size.height)
        return 2 * i;
      if (y >= stage->step_area.origin.y && y < stage->step_area.origin.y + stage->step_area.size.height)
        return 2 * i + 1;
    }
  return -1;
}

static gboolean
sl_funnel_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  SlFunnelChart *self = SL_FUNNEL_CHART (widget);
  int item = keyboard ? self->focus : item_at (self, y);
  g_autofree char *text = NULL;
  const Stage *stage;
  const graphene_rect_t *area;

  if (item < 0 || (guint)item >= n_items (self) || !self->laid_out)
    return FALSE;
  text = dup_item_tooltip (self, item);
  gtk_tooltip_set_text (tooltip, text);
  /* A new tooltip when the pointer moves to another stage or step. */
  stage = sl_funnel_chart_stage (self, item / 2);
  area = item % 2 == 0 ? &stage->bar : &stage->step_area;
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { 0, (int)area->origin.y, gtk_widget_get_width (widget),
                                                       (int)ceil (area->size.height) });
  return TRUE;
}

static void
set_focus_item (SlFunnelChart *self,
                int            item)
{
  if (n_items (self) == 0)
    return;
  self->focus = CLAMP (item, 0, (int)n_items (self) - 1);
  update_description (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* "funnel.move-focus" (i): -1 up, 1 down, G_MININT first, G_MAXINT last. */
static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *args)
{
  SlFunnelChart *self = SL_FUNNEL_CHART (widget);
  int delta = g_variant_get_int32 (args);

  if (delta == G_MININT || delta == G_MAXINT)
    set_focus_item (self, delta == G_MININT ? 0 : G_MAXINT);
  else
    set_focus_item (self, self->focus + delta);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SlFunnelChart   *self)
{
  int item = item_at (self, y);

  if (item < 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_focus_item (self, item);
}

static void
sl_funnel_chart_state_flags_changed (GtkWidget     *widget,
                                     GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (sl_funnel_chart_parent_class)->state_flags_changed (widget, previous);
  if ((previous ^ gtk_widget_get_state_flags (widget)) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
style_dark_cb (SlFunnelChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sl_funnel_chart_finalize (GObject *object)
{
  SlFunnelChart *self = (SlFunnelChart *)object;

  g_array_unref (self->stages);
  g_free (self->title);

  G_OBJECT_CLASS (sl_funnel_chart_parent_class)->finalize (object);
}

static void
sl_funnel_chart_class_init (SlFunnelChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_funnel_chart_finalize;
  widget_class->measure = sl_funnel_chart_measure;
  widget_class->size_allocate = sl_funnel_chart_size_allocate;
  widget_class->snapshot = sl_funnel_chart_snapshot;
  widget_class->query_tooltip = sl_funnel_chart_query_tooltip;
  widget_class->state_flags_changed = sl_funnel_chart_state_flags_changed;

  gtk_widget_class_install_action (widget_class, "funnel.move-focus", "i", move_focus_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "funnel.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "funnel.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "funnel.move-focus", "i", G_MININT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "funnel.move-focus", "i", G_MAXINT);
  gtk_widget_class_set_css_name (widget_class, "funnelchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_funnel_chart_init (SlFunnelChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->stages = g_array_new (FALSE, TRUE, sizeof (Stage));
  g_array_set_clear_func (self->stages, stage_clear);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Funnel"), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sl_funnel_chart_new (void)
{
  return g_object_new (SL_TYPE_FUNNEL_CHART, NULL);
}

void
sl_funnel_chart_set_title (SlFunnelChart *self,
                           const char    *title)
{
  g_return_if_fail (SL_IS_FUNNEL_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Funnel"), -1);
}

void
sl_funnel_chart_set_n_stages (SlFunnelChart *self,
                              guint          n_stages)
{
  g_return_if_fail (SL_IS_FUNNEL_CHART (self));

  g_array_set_size (self->stages, 0);
  g_array_set_size (self->stages, n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      Stage *stage = sl_funnel_chart_stage (self, i);

      stage->name = g_strdup ("");
      stage->volume_text = g_strdup ("");
    }
  self->focus = MIN (self->focus, (int)n_items (self) - 1);
  self->focus = MAX (self->focus, 0);
  data_changed (self);
}

guint
sl_funnel_chart_get_n_stages (SlFunnelChart *self)
{
  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), 0);
  return self->stages->len;
}

static void
replace (char       **field,
         const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

void
sl_funnel_chart_set_stage (SlFunnelChart *self,
                           guint          i,
                           const char    *name,
                           double         volume,
                           const char    *volume_text)
{
  Stage *stage;

  g_return_if_fail (SL_IS_FUNNEL_CHART (self));
  g_return_if_fail (i < self->stages->len);
  g_return_if_fail (isfinite (volume) && volume >= 0);

  stage = sl_funnel_chart_stage (self, i);
  replace (&stage->name, name != NULL ? name : "");
  replace (&stage->volume_text, volume_text != NULL ? volume_text : "");
  stage->volume = volume;
  data_changed (self);
}

void
sl_funnel_chart_set_stage_detail (SlFunnelChart *self,
                                  guint          i,
                                  const char    *detail)
{
  g_return_if_fail (SL_IS_FUNNEL_CHART (self));
  g_return_if_fail (i < self->stages->len);

  replace (&sl_funnel_chart_stage (self, i)->detail, detail);
  data_changed (self);
}

static void
set_step (SlFunnelChart *self,
          guint          i,
          StepState      state,
          const char    *conversion,
          const char    *days)
{
  Stage *stage = sl_funnel_chart_stage (self, i);

  stage->step = state;
  replace (&stage->conversion, conversion != NULL ? conversion : "");
  replace (&stage->days, days);
  data_changed (self);
}

void
sl_funnel_chart_set_step (SlFunnelChart *self,
                          guint          i,
                          const char    *conversion_text,
                          const char    *days_text)
{
  g_return_if_fail (SL_IS_FUNNEL_CHART (self));
  g_return_if_fail (i < self->stages->len);

  set_step (self, i, STEP_DEFINED, conversion_text, days_text);
}

void
sl_funnel_chart_set_step_undefined (SlFunnelChart *self,
                                    guint          i,
                                    const char    *reason,
                                    const char    *days_text)
{
  g_return_if_fail (SL_IS_FUNNEL_CHART (self));
  g_return_if_fail (i < self->stages->len);

  set_step (self, i, STEP_UNDEFINED, reason, days_text);
}

void
sl_funnel_chart_set_step_leak (SlFunnelChart *self,
                               guint          i,
                               const char    *leak_text)
{
  g_return_if_fail (SL_IS_FUNNEL_CHART (self));
  g_return_if_fail (i < self->stages->len);

  replace (&sl_funnel_chart_stage (self, i)->leak, leak_text);
  data_changed (self);
}

gboolean
sl_funnel_chart_get_stage_area (SlFunnelChart   *self,
                                guint            i,
                                graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (i >= self->stages->len || !self->laid_out)
    return FALSE;
  *out = sl_funnel_chart_stage (self, i)->bar;
  return TRUE;
}

gboolean
sl_funnel_chart_get_step_area (SlFunnelChart   *self,
                               guint            i,
                               graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (i + 1 >= self->stages->len || !self->laid_out)
    return FALSE;
  *out = sl_funnel_chart_stage (self, i)->step_area;
  return TRUE;
}

gboolean
sl_funnel_chart_get_step_leaking (SlFunnelChart *self,
                                  guint          i)
{
  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), FALSE);
  return i + 1 < self->stages->len && sl_funnel_chart_stage (self, i)->leak != NULL;
}

void
sl_funnel_chart_get_step_color (SlFunnelChart *self,
                                guint          i,
                                GdkRGBA       *out)
{
  g_return_if_fail (SL_IS_FUNNEL_CHART (self));
  g_return_if_fail (i < self->stages->len && out != NULL);

  sl_funnel_chart_step_color (self, sl_funnel_chart_stage (self, i), out);
}

char *
sl_funnel_chart_dup_step_text (SlFunnelChart *self,
                               guint          i)
{
  const Stage *stage;
  const char *conversion;

  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), NULL);
  g_return_val_if_fail (i < self->stages->len, NULL);

  stage = sl_funnel_chart_stage (self, i);
  if (stage->step == STEP_NONE)
    return NULL;
  conversion = stage->step == STEP_DEFINED ? stage->conversion : "—";
  if (stage->days != NULL)
    /* Translators: a share moving to the next stage, and the median days it takes */
    return g_strdup_printf (_("↓ %s in %s"), conversion, stage->days);
  return g_strdup_printf ("↓ %s", conversion);
}

char *
sl_funnel_chart_dup_stage_tooltip (SlFunnelChart *self,
                                   guint          i)
{
  g_autofree char *text = NULL;
  const Stage *stage;

  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), NULL);
  g_return_val_if_fail (i < self->stages->len, NULL);

  stage = sl_funnel_chart_stage (self, i);
  /* Translators: a funnel stage and its volume, e.g. “Leads: 5,453” */
  text = g_strdup_printf (_("%s: %s"), stage->name, stage->volume_text);
  if (stage->detail == NULL)
    return g_steal_pointer (&text);
  return g_strconcat (text, "\n", stage->detail, NULL);
}

char *
sl_funnel_chart_dup_step_tooltip (SlFunnelChart *self,
                                  guint          i)
{
  const Stage *stage;
  GString *text;

  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), NULL);
  g_return_val_if_fail (i + 1 < self->stages->len, NULL);

  stage = sl_funnel_chart_stage (self, i);
  text = g_string_new (NULL);
  /* Translators: a step of the funnel, from one stage to the next, e.g. “Leads → MQLs”; use ← in right-to-left scripts */
  g_string_append_printf (text, _("%s → %s"), stage->name, sl_funnel_chart_stage (self, i + 1)->name);
  if (stage->step != STEP_NONE)
    {
      g_string_append_c (text, '\n');
      if (stage->step == STEP_DEFINED)
        /* Translators: the share of a funnel stage that reaches the next one, e.g. “Conversion: 40.0 %” */
        g_string_append_printf (text, _("Conversion: %s"), stage->conversion);
      else
        /* Translators: a conversion rate that cannot be computed, and why, e.g. “Conversion: — (no leads)” */
        g_string_append_printf (text, _("Conversion: — (%s)"), stage->conversion);
    }
  if (stage->days != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: how long a funnel step takes, e.g. “Median time: 12 days” */
      g_string_append_printf (text, _("Median time: %s"), stage->days);
    }
  if (stage->leak != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: a funnel step losing more than usual, and how, e.g. “Leaking: 41 % vs baseline 52 %” */
      g_string_append_printf (text, _("Leaking: %s"), stage->leak);
    }
  return g_string_free (text, FALSE);
}

char *
sl_funnel_chart_dup_description (SlFunnelChart *self)
{
  GString *text;

  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), NULL);

  text = g_string_new (NULL);
  if (self->focus >= 0 && (guint)self->focus < n_items (self))
    {
      g_autofree char *focus = dup_item_tooltip (self, self->focus);

      g_string_append_printf (text, "%s\n\n", focus);
    }
  for (guint item = 0; item < n_items (self); item++)
    {
      g_autofree char *line = dup_item_tooltip (self, item);

      g_string_append_printf (text, "%s%s", item > 0 ? "\n" : "", line);
    }
  return g_string_free (text, FALSE);
}
