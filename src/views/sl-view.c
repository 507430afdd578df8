/* sl-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-view.h"

G_DEFINE_INTERFACE (SlView, sl_view, GTK_TYPE_WIDGET)

static void
sl_view_default_init (SlViewInterface *iface)
{
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
