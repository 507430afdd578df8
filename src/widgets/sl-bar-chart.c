/* sl-bar-chart.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sl-bar-chart.h"
#include "sl-chart-frame.h"
#include "sl-chart-palette.h"

typedef struct
{
  gboolean  defined;
  double    value;
  char     *text;   /* defined: the value for people; else the reason */
} Value;

struct _SlBarChart
{
  GtkWidget          parent_instance;

  guint              n_series;
  guint              n_categories;
  GPtrArray         *series_names;
  GPtrArray         *categories;
  Value             *values;      /* series × category */
  Value             *references;  /* per category */
  char              *reference_name;
  char              *title;
  gboolean           stacked;
  guint              focus;
  gboolean           summary_dirty;
  SlChartFormatFunc  format;
  gpointer           format_data;
  GDestroyNotify     format_destroy;

  /* Geometry, from the last allocation. */
  SlChartFrame       frame;
  GArray            *bars;        /* graphene_rect_t, series × category */
  GArray            *marks;       /* graphene_point_t: where "—" goes */
};

G_DEFINE_FINAL_TYPE (SlBarChart, sl_bar_chart, GTK_TYPE_WIDGET)

static Value *
value_at (SlBarChart *self,
          guint       series,
          guint       category)
{
  g_return_val_if_fail (series < self->n_series && category < self->n_categories, NULL);
  return &self->values[series * self->n_categories + category];
}

static void
clear_values (Value *values,
              gsize  n)
{
  for (gsize i = 0; values != NULL && i < n; i++)
    g_free (values[i].text);
  g_free (values);
}

static void
set_value (Value      *v,
           gboolean    defined,
           double      value,
           const char *text)
{
  v->defined = defined;
  v->value = defined ? value : 0;
  g_free (v->text);
  v->text = g_strdup (text != NULL ? text : "");
}

static void
data_changed (SlBarChart *self)
{
  self->summary_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The range the axis covers: each bar or each stack's positive and
 * negative sums, and the references. */
static void
value_range (SlBarChart *self,
             double     *min,
             double     *max)
{
  *min = *max = 0;
  for (guint c = 0; c < self->n_categories; c++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          const Value *v = value_at (self, s, c);

          if (!v->defined)
            continue;
          if (self->stacked)
            *(v->value >= 0 ? &up : &down) += v->value;
          else
            {
              up = MAX (up, v->value);
              down = MIN (down, v->value);
            }
        }
      if (self->references[c].defined)
        {
          up = MAX (up, self->references[c].value);
          down = MIN (down, self->references[c].value);
        }
      *max = MAX (*max, up);
      *min = MIN (*min, down);
    }
}

static void
bar_rect (SlBarChart      *self,
          guint            s,
          guint            c,
          graphene_rect_t *out)
{
  SlChartFrame *frame = &self->frame;
  double slot = frame->slot_width, width, base = 0, top;
  const Value *v = value_at (self, s, c);

  if (self->stacked)
    {
      /* On the bars before it of the same sign. */
      for (guint below = 0; below < s; below++)
        {
          const Value *b = value_at (self, below, c);

          if (b->defined && (b->value >= 0) == (v->value >= 0))
            base += b->value;
        }
      width = slot * 0.6;
      top = base + v->value;
      out->origin.x = sl_chart_frame_slot_left (frame, c, (slot - width) / 2, width);
    }
  else
    {
      width = slot * 0.76 / self->n_series;
      top = v->value;
      out->origin.x = sl_chart_frame_slot_left (frame, c, slot * 0.12 + s * width, width);
    }
  out->origin.y = MIN (sl_chart_frame_y (frame, base), sl_chart_frame_y (frame, top));
  out->size.width = width;
  out->size.height = fabs (sl_chart_frame_y (frame, top) - sl_chart_frame_y (frame, base));
}

/* Where "—" goes for undefined values: above the zero line, in the
 * bar's place; stacked, once for a category with no value at all. */
static void
compute_marks (SlBarChart *self)
{
  double zero = sl_chart_frame_y (&self->frame, 0) - 10;

  g_array_set_size (self->marks, 0);
  for (guint c = 0; c < self->n_categories; c++)
    {
      guint n_undefined = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          graphene_point_t p;
          double width = self->frame.slot_width * 0.76 / self->n_series;

          if (value_at (self, s, c)->defined)
            continue;
          n_undefined++;
          if (self->stacked)
            continue;
          p.x = sl_chart_frame_slot_left (&self->frame, c, self->frame.slot_width * 0.12 + s * width, width) + width / 2;
          p.y = zero;
          g_array_append_val (self->marks, p);
        }
      if (self->stacked && n_undefined == self->n_series && n_undefined > 0)
        g_array_append_val (self->marks, GRAPHENE_POINT_INIT (sl_chart_frame_x (&self->frame, c + 0.5), zero));
    }
}

static void
sl_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 240;
}

char *
sl_bar_chart_dup_category_text (SlBarChart *self,
                                guint       category)
{
  GString *text;

  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (category < self->n_categories, NULL);

  text = g_string_new (self->categories->pdata[category]);
  for (guint s = 0; s < self->n_series; s++)
    {
      const Value *v = value_at (self, s, category);

      g_string_append_c (text, '\n');
      if (v->defined)
        /* Translators: a chart's series (e.g. a channel) and its value */
        g_string_append_printf (text, _("%s: %s"), (char *)self->series_names->pdata[s], v->text);
      else
        /* Translators: a chart's series (e.g. a channel) that has no value, and why */
        g_string_append_printf (text, _("%s: — (%s)"), (char *)self->series_names->pdata[s], v->text);
    }
  if (self->references[category].defined)
    {
      g_string_append_c (text, '\n');
      /* Translators: a chart's reference (e.g. "Budget") and its value */
      g_string_append_printf (text, _("%s: %s"), self->reference_name, self->references[category].text);
    }
  return g_string_free (text, FALSE);
}

/* The top of the focused category's bars, for its callout. */
static double
category_top (SlBarChart *self,
              guint       c)
{
  double top = sl_chart_frame_y (&self->frame, 0);

  for (guint s = 0; s < self->n_series; s++)
    {
      const graphene_rect_t *bar = &g_array_index (self->bars, graphene_rect_t, s * self->n_categories + c);

      if (value_at (self, s, c)->defined)
        top = MIN (top, bar->origin.y);
    }
  if (self->references[c].defined)
    top = MIN (top, sl_chart_frame_y (&self->frame, self->references[c].value));
  return top;
}

static void
update_callout (SlBarChart *self)
{
  g_autofree char *text = NULL;

  if (self->focus >= self->n_categories || self->bars->len == 0)
    {
      sl_chart_frame_set_callout (&self->frame, NULL, 0, 0);
      return;
    }
  text = sl_bar_chart_dup_category_text (self, self->focus);
  sl_chart_frame_set_callout (&self->frame, text, self->focus, category_top (self, self->focus));
}

static void
update_summary (SlBarChart *self)
{
  GString *summary = g_string_new (NULL);

  for (guint s = 0; s < self->n_series; s++)
    {
      const Value *high = NULL, *low = NULL;
      guint high_c = 0, low_c = 0;

      for (guint c = 0; c < self->n_categories; c++)
        {
          const Value *v = value_at (self, s, c);

          if (v->defined && (high == NULL || v->value > high->value))
            high = v, high_c = c;
          if (v->defined && (low == NULL || v->value < low->value))
            low = v, low_c = c;
        }
      sl_chart_frame_append_summary (summary, self->series_names->pdata[s],
                                     high != NULL ? high->text : NULL, self->categories->pdata[high_c],
                                     low != NULL ? low->text : NULL, self->categories->pdata[low_c]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary->str, -1);
  g_string_free (summary, TRUE);
  self->summary_dirty = FALSE;
}

static void
sl_bar_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  gboolean any_reference = FALSE;
  double min, max;

  sl_chart_frame_clear_keys (&self->frame);
  for (guint s = 0; s < self->n_series; s++)
    sl_chart_frame_add_key (&self->frame, self->series_names->pdata[s], s, SL_CHART_KEY_BOX);
  for (guint c = 0; c < self->n_categories; c++)
    any_reference |= self->references[c].defined;
  if (any_reference)
    sl_chart_frame_add_key (&self->frame, self->reference_name, SL_CHART_KEY_TEXT_COLOR, SL_CHART_KEY_LINE);
  value_range (self, &min, &max);
  sl_chart_frame_allocate (&self->frame, width, height, min, max, TRUE, self->format, self->format_data,
                           (const char *const *)self->categories->pdata, self->n_categories);
  g_array_set_size (self->bars, (gsize)self->n_series * self->n_categories);
  for (guint s = 0; s < self->n_series; s++)
    for (guint c = 0; c < self->n_categories; c++)
      if (value_at (self, s, c)->defined)
        bar_rect (self, s, c, &g_array_index (self->bars, graphene_rect_t, s * self->n_categories + c));
  compute_marks (self);
  update_callout (self);
  if (self->summary_dirty)
    update_summary (self);
}

gboolean
sl_bar_chart_get_bar_area (SlBarChart      *self,
                           guint            series,
                           guint            category,
                           graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (series >= self->n_series || category >= self->n_categories
      || self->bars->len != (gsize)self->n_series * self->n_categories
      || !value_at (self, series, category)->defined)
    return FALSE;
  *out = g_array_index (self->bars, graphene_rect_t, series * self->n_categories + category);
  return TRUE;
}

gboolean
sl_bar_chart_get_reference_area (SlBarChart      *self,
                                 guint            category,
                                 graphene_rect_t *out)
{
  double width;

  g_return_val_if_fail (SL_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (category >= self->n_categories || !self->references[category].defined)
    return FALSE;
  width = self->frame.slot_width * 0.9;
  graphene_rect_init (out, sl_chart_frame_slot_left (&self->frame, category, self->frame.slot_width * 0.05, width),
                      round (sl_chart_frame_y (&self->frame, self->references[category].value)) - 1, width, 2);
  return TRUE;
}

static void
snapshot_bars (SlBarChart  *self,
               GtkSnapshot *snapshot)
{
  gboolean dark = sl_chart_palette_is_dark ();

  for (guint s = 0; s < self->n_series; s++)
    {
      GdkRGBA color;

      sl_chart_palette_series (s, dark, &color);
      for (guint c = 0; c < self->n_categories; c++)
        {
          graphene_rect_t bar = g_array_index (self->bars, graphene_rect_t, s * self->n_categories + c);

          if (!value_at (self, s, c)->defined)
            continue;
          /* A hairline between stacked bars. */
          if (self->stacked && bar.size.height > 3)
            {
              if (value_at (self, s, c)->value >= 0)
                bar.origin.y += 1;
              bar.size.height -= 1;
            }
          gtk_snapshot_append_color (snapshot, &color, &bar);
        }
    }
}

static void
sl_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  GdkRGBA fg;
  gboolean focused = gtk_widget_has_visible_focus (widget) && self->focus < self->n_categories;

  if (self->bars->len != (gsize)self->n_series * self->n_categories)
    return;
  sl_chart_frame_snapshot_axes (&self->frame, snapshot);
  if (focused)
    sl_chart_frame_snapshot_focus (&self->frame, snapshot, self->focus);
  snapshot_bars (self, snapshot);
  sl_chart_palette_text (widget, &fg);
  for (guint c = 0; c < self->n_categories; c++)
    {
      graphene_rect_t line;

      if (sl_bar_chart_get_reference_area (self, c, &line))
        gtk_snapshot_append_color (snapshot, &fg, &line);
    }
  for (guint i = 0; i < self->marks->len; i++)
    {
      const graphene_point_t *p = &g_array_index (self->marks, graphene_point_t, i);

      sl_chart_frame_snapshot_dash (&self->frame, snapshot, p->x, p->y);
    }
  sl_chart_frame_snapshot_legend (&self->frame, snapshot);
  /* The callout last, over the bars. */
  if (focused)
    sl_chart_frame_snapshot_callout (&self->frame, snapshot);
}

char *
sl_bar_chart_dup_tooltip (SlBarChart *self,
                          guint       series,
                          guint       category)
{
  const Value *v;

  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (series < self->n_series && category < self->n_categories, NULL);

  v = value_at (self, series, category);
  if (!v->defined)
    /* Translators: a category (e.g. a month), a series (e.g. a channel), and why it has no value */
    return g_strdup_printf (_("%s, %s: — (%s)"), (char *)self->categories->pdata[category],
                            (char *)self->series_names->pdata[series], v->text);
  /* Translators: a category (e.g. a month), a series (e.g. a channel), and its value */
  return g_strdup_printf (_("%s, %s: %s"), (char *)self->categories->pdata[category],
                          (char *)self->series_names->pdata[series], v->text);
}

static gboolean
sl_bar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  int c = keyboard ? (int)self->focus : sl_chart_frame_slot_at (&self->frame, x);
  g_autofree char *text = NULL;
  const graphene_rect_t *plot = &self->frame.plot;

  if (c < 0 || (guint)c >= self->n_categories)
    return FALSE;
  text = sl_bar_chart_dup_category_text (self, c);
  gtk_tooltip_set_text (tooltip, text);
  /* A new tooltip when the pointer moves to another category. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int)sl_chart_frame_slot_left (&self->frame, c, 0, self->frame.slot_width),
                              (int)plot->origin.y, (int)ceil (self->frame.slot_width),
                              gtk_widget_get_height (widget) - (int)plot->origin.y });
  return TRUE;
}

void
sl_bar_chart_set_focus_category (SlBarChart *self,
                                 guint       category)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SL_IS_BAR_CHART (self));

  if (category >= self->n_categories)
    return;
  self->focus = category;
  text = sl_bar_chart_dup_category_text (self, category);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  if (self->bars->len == (gsize)self->n_series * self->n_categories)
    update_callout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sl_bar_chart_get_focus_category (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), 0);
  return self->focus;
}

static gboolean
move_focus (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  SlBarChart *self = SL_BAR_CHART (widget);

  if (self->n_categories == 0)
    return FALSE;
  sl_bar_chart_set_focus_category (self, sl_chart_frame_step_slot (&self->frame, self->focus,
                                                                   g_variant_get_int32 (args)));
  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SlBarChart      *self)
{
  int c = sl_chart_frame_slot_at (&self->frame, x);

  if (c < 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  sl_bar_chart_set_focus_category (self, c);
}

static void
sl_bar_chart_state_flags_changed (GtkWidget     *widget,
                                  GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (sl_bar_chart_parent_class)->state_flags_changed (widget, previous);
  /* The focused category shows only with the focus. */
  if ((previous ^ gtk_widget_get_state_flags (widget)) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
sl_bar_chart_finalize (GObject *object)
{
  SlBarChart *self = (SlBarChart *)object;

  clear_values (self->values, (gsize)self->n_series * self->n_categories);
  clear_values (self->references, self->n_categories);
  g_ptr_array_unref (self->series_names);
  g_ptr_array_unref (self->categories);
  g_free (self->reference_name);
  g_free (self->title);
  sl_chart_frame_clear (&self->frame);
  g_array_unref (self->bars);
  g_array_unref (self->marks);
  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  G_OBJECT_CLASS (sl_bar_chart_parent_class)->finalize (object);
}

static void
sl_bar_chart_class_init (SlBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_bar_chart_finalize;
  widget_class->measure = sl_bar_chart_measure;
  widget_class->size_allocate = sl_bar_chart_size_allocate;
  widget_class->snapshot = sl_bar_chart_snapshot;
  widget_class->query_tooltip = sl_bar_chart_query_tooltip;
  widget_class->state_flags_changed = sl_bar_chart_state_flags_changed;
  sl_chart_frame_add_bindings (widget_class, move_focus);
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_bar_chart_init (SlBarChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->series_names = g_ptr_array_new_with_free_func (g_free);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->bars = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  self->marks = g_array_new (FALSE, TRUE, sizeof (graphene_point_t));
  self->reference_name = g_strdup ("");
  sl_chart_frame_init (&self->frame, GTK_WIDGET (self));
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bar chart"), -1);
  sl_bar_chart_set_size (self, 0, 0);
}

GtkWidget *
sl_bar_chart_new (void)
{
  return g_object_new (SL_TYPE_BAR_CHART, NULL);
}

void
sl_bar_chart_set_title (SlBarChart *self,
                        const char *title)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Bar chart"), -1);
}

void
sl_bar_chart_set_formatter (SlBarChart        *self,
                            SlChartFormatFunc  func,
                            gpointer           user_data,
                            GDestroyNotify     destroy)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_bar_chart_set_stacked (SlBarChart *self,
                          gboolean    stacked)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  self->stacked = !!stacked;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
sl_bar_chart_get_stacked (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), FALSE);
  return self->stacked;
}

void
sl_bar_chart_set_size (SlBarChart *self,
                       guint       n_series,
                       guint       n_categories)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  clear_values (self->values, (gsize)self->n_series * self->n_categories);
  clear_values (self->references, self->n_categories);
  self->n_series = n_series;
  self->n_categories = n_categories;
  self->values = g_new0 (Value, (gsize)n_series * n_categories);
  self->references = g_new0 (Value, n_categories);
  g_ptr_array_set_size (self->series_names, 0);
  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; i < n_series; i++)
    g_ptr_array_add (self->series_names, g_strdup (""));
  for (guint i = 0; i < n_categories; i++)
    g_ptr_array_add (self->categories, g_strdup (""));
  g_array_set_size (self->bars, 0);
  self->focus = MIN (self->focus, n_categories > 0 ? n_categories - 1 : 0);
  data_changed (self);
}

guint
sl_bar_chart_get_n_series (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), 0);
  return self->n_series;
}

guint
sl_bar_chart_get_n_categories (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), 0);
  return self->n_categories;
}

static void
replace_string (GPtrArray  *array,
                guint       i,
                const char *text)
{
  g_free (array->pdata[i]);
  array->pdata[i] = g_strdup (text != NULL ? text : "");
}

void
sl_bar_chart_set_series_name (SlBarChart *self,
                              guint       series,
                              const char *name)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (series < self->n_series);

  replace_string (self->series_names, series, name);
  data_changed (self);
}

void
sl_bar_chart_set_category (SlBarChart *self,
                           guint       category,
                           const char *label)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (category < self->n_categories);

  replace_string (self->categories, category, label);
  data_changed (self);
}

void
sl_bar_chart_set_value (SlBarChart *self,
                        guint       series,
                        guint       category,
                        double      value,
                        const char *text)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (series < self->n_series && category < self->n_categories);
  g_return_if_fail (isfinite (value));

  set_value (value_at (self, series, category), TRUE, value, text);
  data_changed (self);
}

void
sl_bar_chart_set_undefined (SlBarChart *self,
                            guint       series,
                            guint       category,
                            const char *reason)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (series < self->n_series && category < self->n_categories);

  set_value (value_at (self, series, category), FALSE, 0, reason);
  data_changed (self);
}

void
sl_bar_chart_set_reference_name (SlBarChart *self,
                                 const char *name)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  g_free (self->reference_name);
  self->reference_name = g_strdup (name != NULL ? name : "");
  data_changed (self);
}

void
sl_bar_chart_set_reference (SlBarChart *self,
                            guint       category,
                            double      value,
                            const char *text)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (category < self->n_categories);
  g_return_if_fail (isfinite (value));

  set_value (&self->references[category], TRUE, value, text);
  data_changed (self);
}

double
sl_bar_chart_get_zero_y (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), 0);
  return sl_chart_frame_y (&self->frame, 0);
}

void
sl_bar_chart_get_plot_area (SlBarChart      *self,
                            graphene_rect_t *out)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  *out = self->frame.plot;
}

gboolean
sl_bar_chart_get_tick_area (SlBarChart      *self,
                            guint            tick,
                            graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), FALSE);

  if (tick >= self->frame.tick_areas->len)
    return FALSE;
  *out = g_array_index (self->frame.tick_areas, graphene_rect_t, tick);
  return TRUE;
}

const SlChartAxis *
sl_bar_chart_get_axis (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);
  return &self->frame.axis;
}

void
sl_bar_chart_get_series_color (SlBarChart *self,
                               guint       series,
                               GdkRGBA    *out)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  sl_chart_palette_series (series, sl_chart_palette_is_dark (), out);
}
