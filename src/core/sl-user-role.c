/* sl-user-role.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-user-role.h"

static const char * const names[] = {
  [SL_USER_ROLE_MARKETING] = "marketing",
  [SL_USER_ROLE_FINANCE] = "finance",
  [SL_USER_ROLE_VIEWER] = "viewer",
};

static const char * const labels[] = {
  /* Translators: the role of a user who plans and spends the marketing budget */
  [SL_USER_ROLE_MARKETING] = N_("Marketing"),
  /* Translators: the role of a user who approves budgets and plans */
  [SL_USER_ROLE_FINANCE] = N_("Finance"),
  /* Translators: the role of a user who may only read */
  [SL_USER_ROLE_VIEWER] = N_("Viewer"),
};

const char *
sl_user_role_to_string (SlUserRole role)
{
  g_return_val_if_fail ((guint)role < G_N_ELEMENTS (names), NULL);
  return names[role];
}

gboolean
sl_user_role_from_string (const char *text,
                          SlUserRole *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sl_user_role_get_label (SlUserRole role)
{
  g_return_val_if_fail ((guint)role < G_N_ELEMENTS (labels), NULL);
  return _(labels[role]);
}
