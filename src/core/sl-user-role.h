/* sl-user-role.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the person using Sunlight may do with shared items (docs/sync.md
 * › Roles): marketing writes goals, annotations, plans and requests;
 * finance also approves and rejects; a viewer writes nothing. */
typedef enum
{
  SL_USER_ROLE_MARKETING,
  SL_USER_ROLE_FINANCE,
  SL_USER_ROLE_VIEWER,
} SlUserRole;

/* "marketing", "finance", "viewer": the server's role names. */
const char *sl_user_role_to_string   (SlUserRole  role);
gboolean    sl_user_role_from_string (const char *text,
                                      SlUserRole *out);
/* "Marketing", "Finance", "Viewer", translated. */
const char *sl_user_role_get_label   (SlUserRole  role);

G_END_DECLS
