/* sl-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-view.h"

G_DEFINE_INTERFACE (SlView, sl_view, GTK_TYPE_WIDGET)

/* Set once, when the interface is first used. */
static GQuark stale_quark;

static void
sl_view_default_init (SlViewInterface *iface)
{
  stale_quark = g_quark_from_static_string ("sl-view-stale");
}

void
sl_view_set_context (SlView       *self,
                     SlWorkspace  *workspace,
                     SlViewFilter *filter)
{
  g_return_if_fail (SL_IS_VIEW (self));
  g_return_if_fail (workspace == NULL || SL_IS_WORKSPACE (workspace));
  g_return_if_fail (filter == NULL || SL_IS_VIEW_FILTER (filter));

  SL_VIEW_GET_IFACE (self)->set_context (self, workspace, filter);
}

static void
set_stale (SlView   *self,
           gboolean  stale)
{
  g_object_set_qdata (G_OBJECT (self), stale_quark, GINT_TO_POINTER (stale));
}

gboolean
sl_view_is_stale (SlView *self)
{
  g_return_val_if_fail (SL_IS_VIEW (self), FALSE);

  return GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (self), stale_quark));
}

void
sl_view_refresh (SlView *self)
{
  gboolean shown;

  g_return_if_fail (SL_IS_VIEW (self));
  g_return_if_fail (SL_VIEW_GET_IFACE (self)->refresh != NULL);

  shown = gtk_widget_get_mapped (GTK_WIDGET (self));
  set_stale (self, !shown);
  if (shown)
    SL_VIEW_GET_IFACE (self)->refresh (self);
}

void
sl_view_catch_up (SlView *self)
{
  g_return_if_fail (SL_IS_VIEW (self));

  if (!sl_view_is_stale (self))
    return;
  set_stale (self, FALSE);
  SL_VIEW_GET_IFACE (self)->refresh (self);
}
