/* sl-window-user.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWindow: who is using it. The name written into history and the
 * role the core checks come from the settings (Preferences › You) and
 * follow them at once: pages re-check what they show when the
 * workspace's user-role changes. A workspace shared through a sync
 * account takes both from the account instead (sl-sync-client). */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include "sl-window-private.h"

/* The account's real name, as the workspace starts with. */
static const char *
get_default_author (void)
{
  const char *real_name = g_get_real_name ();

  return g_strcmp0 (real_name, "Unknown") != 0 && real_name[0] != '\0' ? real_name : g_get_user_name ();
}

void
sl_window_apply_user (SlWindow *self)
{
  g_autofree char *author = NULL;
  g_autofree char *role_text = NULL;
  SlUserRole role = SL_USER_ROLE_MARKETING;

  /* A sharing account's name and role come from the server. */
  if (self->workspace == NULL ||
      (self->sync_manager != NULL && sl_sync_manager_get_workspace (self->sync_manager) == self->workspace &&
       sl_sync_manager_get_account (self->sync_manager) != NULL))
    return;
  if (self->settings != NULL)
    {
      author = g_settings_get_string (self->settings, "author-name");
      role_text = g_settings_get_string (self->settings, "user-role");
      g_strstrip (author);
    }
  if (role_text == NULL || !sl_user_role_from_string (role_text, &role))
    role = SL_USER_ROLE_MARKETING;
  sl_workspace_set_author (self->workspace, author != NULL && author[0] != '\0' ? author : get_default_author ());
  sl_workspace_set_user_role (self->workspace, role);
}

static void
user_settings_changed_cb (SlWindow   *self,
                          const char *key,
                          GSettings  *settings)
{
  sl_window_apply_user (self);
}

void
sl_window_follow_user_settings (SlWindow *self)
{
  if (self->settings == NULL)
    return;
  g_signal_connect_object (self->settings, "changed::author-name",
                           G_CALLBACK (user_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::user-role",
                           G_CALLBACK (user_settings_changed_cb), self, G_CONNECT_SWAPPED);
}
