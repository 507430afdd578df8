/* sl-view-filter.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-view-filter.h"

struct _SlViewFilter
{
  GObject             parent_instance;

  SlPeriod            period;
  SlScope             scope;
  gboolean            attributed;
  SlAttributionModel  model;
  char               *search;
  char               *search_key;  /* folded, for matching */
};

G_DEFINE_FINAL_TYPE (SlViewFilter, sl_view_filter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Case and accents do not count: “Évènement” matches “evenement”. */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = NULL;
  GString *out;

  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
changed (SlViewFilter *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
sl_view_filter_finalize (GObject *object)
{
  SlViewFilter *self = (SlViewFilter *)object;

  g_free (self->search);
  g_free (self->search_key);

  G_OBJECT_CLASS (sl_view_filter_parent_class)->finalize (object);
}

static void
sl_view_filter_class_init (SlViewFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_view_filter_finalize;

  /**
   * SlViewFilter::changed:
   *
   * The period, scope, attribution or search changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_view_filter_init (SlViewFilter *self)
{
  self->scope = SL_SCOPE_INIT_WORKSPACE;
  self->model = SL_ATTRIBUTION_LINEAR;
  self->search = g_strdup ("");
  self->search_key = g_strdup ("");
}

SlViewFilter *
sl_view_filter_new (const SlPeriod *period)
{
  SlViewFilter *self;

  g_return_val_if_fail (period != NULL, NULL);

  self = g_object_new (SL_TYPE_VIEW_FILTER, NULL);
  self->period = *period;
  return self;
}

const SlPeriod *
sl_view_filter_get_period (SlViewFilter *self)
{
  g_return_val_if_fail (SL_IS_VIEW_FILTER (self), NULL);
  return &self->period;
}

void
sl_view_filter_set_period (SlViewFilter   *self,
                           const SlPeriod *period)
{
  g_return_if_fail (SL_IS_VIEW_FILTER (self));
  g_return_if_fail (period != NULL);

  if (sl_period_equal (&self->period, period) && self->period.kind == period->kind)
    return;
  self->period = *period;
  changed (self);
}

void
sl_view_filter_set_period_kind (SlViewFilter *self,
                                SlPeriodKind  kind,
                                SlDay         anchor)
{
  SlPeriod period;

  g_return_if_fail (SL_IS_VIEW_FILTER (self));

  if (kind == SL_PERIOD_CUSTOM)
    {
      period = self->period;
      period.kind = SL_PERIOD_CUSTOM;
      period.year = period.index = 0;
    }
  else
    sl_period_init (&period, kind, self->period.calendar, self->period.fiscal_start,
                    CLAMP (anchor, self->period.first, self->period.last));
  sl_view_filter_set_period (self, &period);
}

void
sl_view_filter_step (SlViewFilter *self,
                     int           direction)
{
  SlPeriod period;

  g_return_if_fail (SL_IS_VIEW_FILTER (self));

  if (direction > 0)
    sl_period_next (&self->period, &period);
  else if (direction < 0)
    sl_period_previous (&self->period, &period);
  else
    return;
  sl_view_filter_set_period (self, &period);
}

void
sl_view_filter_get_scope (SlViewFilter *self,
                          SlScope      *out)
{
  g_return_if_fail (SL_IS_VIEW_FILTER (self));
  g_return_if_fail (out != NULL);

  *out = self->scope;
}

void
sl_view_filter_set_scope (SlViewFilter  *self,
                          const SlScope *scope)
{
  SlScope next;

  g_return_if_fail (SL_IS_VIEW_FILTER (self));
  g_return_if_fail (scope != NULL);

  next = *scope;
  if (next.kind == SL_SCOPE_WORKSPACE || next.id <= 0)
    next = SL_SCOPE_INIT_WORKSPACE;
  if (next.kind == self->scope.kind && next.id == self->scope.id)
    return;
  self->scope = next;
  changed (self);
}

gboolean
sl_view_filter_get_attributed (SlViewFilter *self)
{
  g_return_val_if_fail (SL_IS_VIEW_FILTER (self), FALSE);
  return self->attributed;
}

SlAttributionModel
sl_view_filter_get_model (SlViewFilter *self)
{
  g_return_val_if_fail (SL_IS_VIEW_FILTER (self), SL_ATTRIBUTION_LINEAR);
  return self->model;
}

void
sl_view_filter_set_attribution (SlViewFilter       *self,
                                gboolean            attributed,
                                SlAttributionModel  model)
{
  g_return_if_fail (SL_IS_VIEW_FILTER (self));
  g_return_if_fail ((guint)model < SL_ATTRIBUTION_N_MODELS);

  attributed = !!attributed;
  if (self->attributed == attributed && (!attributed || self->model == model))
    return;
  self->attributed = attributed;
  if (attributed)
    self->model = model;
  changed (self);
}

char *
sl_view_filter_dup_attribution_string (SlViewFilter *self)
{
  g_return_val_if_fail (SL_IS_VIEW_FILTER (self), NULL);

  if (!self->attributed)
    return g_strdup ("origin");
  return g_strdup (sl_attribution_model_to_string (self->model));
}

gboolean
sl_view_filter_set_attribution_string (SlViewFilter *self,
                                       const char   *text)
{
  SlAttributionModel model;

  g_return_val_if_fail (SL_IS_VIEW_FILTER (self), FALSE);

  if (g_strcmp0 (text, "origin") == 0)
    {
      sl_view_filter_set_attribution (self, FALSE, self->model);
      return TRUE;
    }
  if (text == NULL || !sl_attribution_model_from_string (text, &model))
    return FALSE;
  sl_view_filter_set_attribution (self, TRUE, model);
  return TRUE;
}

const char *
sl_view_filter_get_search (SlViewFilter *self)
{
  g_return_val_if_fail (SL_IS_VIEW_FILTER (self), "");
  return self->search;
}

void
sl_view_filter_set_search (SlViewFilter *self,
                           const char   *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (SL_IS_VIEW_FILTER (self));

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (g_str_equal (stripped, self->search))
    return;
  g_free (self->search);
  g_free (self->search_key);
  self->search = g_steal_pointer (&stripped);
  self->search_key = fold (self->search);
  changed (self);
}

gboolean
sl_view_filter_matches (SlViewFilter *self,
                        const char   *text)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SL_IS_VIEW_FILTER (self), FALSE);

  if (self->search_key[0] == '\0')
    return TRUE;
  if (text == NULL)
    return FALSE;
  key = fold (text);
  return strstr (key, self->search_key) != NULL;
}
