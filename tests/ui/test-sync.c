/* test-sync.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sharing in the real application, against a real sunlight-server: the
 * Accounts page connects the workspace, the server's role becomes the
 * workspace's, the header bar's button shows the state, the items the
 * server refused with its reasons and a clash, and Take Theirs answers
 * it. Needs a display (Xvfb in CI). */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sl-application.h"
#include "sl-preferences-window.h"
#include "sl-set-field-command.h"
#include "sl-sync-button.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-window.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

static SlApplication *app;
static SlTestPeer *peer;

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  g_autoptr(GPtrArray) widgets = sl_ui_test_find_all (root, type);

  for (guint i = 0; i < widgets->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (widgets->pdata[i]), name) == 0)
      return widgets->pdata[i];
  g_error ("No %s named %s", g_type_name (type), name);
  return NULL;
}

static GtkWidget *
first_of (GtkWidget *root,
          GType      type)
{
  g_autoptr(GPtrArray) widgets = sl_ui_test_find_all (root, type);

  g_assert_cmpuint (widgets->len, >, 0);
  return widgets->pdata[0];
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = sl_ui_test_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  g_error ("No button %s", label);
  return NULL;
}

static void
set_row (GtkWidget  *root,
         const char *name,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_named (root, ADW_TYPE_ENTRY_ROW, name)), text);
}

static gboolean
has_client_cb (gpointer data)
{
  return sl_sync_manager_get_client (data) != NULL;
}

static gboolean
issues_are_cb (gpointer data)
{
  SlSyncManager *manager = ((gpointer *)data)[0];
  guint expected = GPOINTER_TO_UINT (((gpointer *)data)[1]);
  SlSyncClient *client = sl_sync_manager_get_client (manager);

  return client != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (sl_sync_client_get_issues (client))) == expected &&
         sl_sync_client_get_state (client) == SL_SYNC_STATE_SYNCED;
}

static void
wait_for_issues (SlSyncManager *manager,
                 guint          expected)
{
  gpointer data[2] = { manager, GUINT_TO_POINTER (expected) };

  g_assert_true (sl_ui_test_iterate_until (issues_are_cb, data, 30000));
}

static gboolean
has_clash_cb (gpointer data)
{
  SlSyncClient *client = sl_sync_manager_get_client (data);

  return client != NULL &&
         sl_sync_issue_store_count (sl_sync_client_get_issues (client), SL_SYNC_ISSUE_CONFLICT) == 1;
}

static void
set_plan_title (SlWorkspace *ws,
                const char  *title)
{
  gint64 id = sl_test_query_int64 (sl_workspace_get_database (ws), "SELECT id FROM realloc_plan");
  g_autoptr(GError) error = NULL;

  sl_workspace_run (ws, sl_set_field_command_new ("Rename", "realloc_plan", id, "title",
                                                  json_node_init_string (json_node_alloc (), title)),
                    &error);
  g_assert_no_error (error);
}

/* Bob's workspace proposes a plan through the server. */
static SlSyncClient *
bob_proposes (const char *dir,
              const char *db)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (dir, "bob.sunlight", "bob");
  SlSyncClient *client = sl_test_sync_client (peer, db, ws, "bob");
  SlReallocLineSpec line = { sl_test_query_int64 (sl_workspace_get_database (ws),
                                                  "SELECT id FROM channel WHERE name = 'Search'"), 20454,
                             sl_test_query_int64 (sl_workspace_get_database (ws),
                                                  "SELECT id FROM channel WHERE name = 'Social'"), 20485, 50000 };
  SlReallocPlanSpec spec = { "Shift to social", "Search saturates", NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  sl_workspace_create_realloc_plan (ws, &spec, &line, 1, &id, &error);
  g_assert_no_error (error);
  sl_workspace_propose_realloc_plan (ws, id, &error);
  g_assert_no_error (error);
  sl_test_sync_round (client);
  return client;
}

static SlPreferencesWindow *
open_accounts (SlWindow *window)
{
  GListModel *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SL_IS_PREFERENCES_WINDOW (toplevel))
        {
          adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (toplevel), "accounts");
          sl_ui_test_settle (200);
          return SL_PREFERENCES_WINDOW (toplevel);
        }
    }
  g_error ("No Preferences window");
  return NULL;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  sl_ui_test_save_screenshot (widget, path);
}

/* The window of alice's workspace, and what the steps share. */
typedef struct
{
  SlWindow      *window;
  SlWorkspace   *ws;
  SlSyncManager *manager;
  SlSyncButton  *button;
  GtkMenuButton *menu_button;
  GtkWidget     *popover;
} Share;

static void
connect_from_accounts (Share      *share,
                       const char *db)
{
  SlPreferencesWindow *preferences = open_accounts (share->window);

  set_row (GTK_WIDGET (preferences), "server-row", sl_test_peer_get_url (peer));
  set_row (GTK_WIDGET (preferences), "database-row", db);
  set_row (GTK_WIDGET (preferences), "user-row", "alice");
  set_row (GTK_WIDGET (preferences), "password-row", "alice-secret");
  g_signal_emit_by_name (find_named (GTK_WIDGET (preferences), GTK_TYPE_BUTTON, "connect-button"), "clicked");
  g_assert_true (sl_ui_test_iterate_until (has_client_cb, share->manager, 30000));
  wait_for_issues (share->manager, 0);
  g_assert_cmpint (sl_workspace_get_user_role (share->ws), ==, SL_USER_ROLE_MARKETING);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (share->button)));
  g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW,
                                                     "connection-row")));
  sl_ui_test_settle (200);
  screenshot (GTK_WIDGET (preferences), "sync-accounts.png");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* Both rename the plan while alice is offline: a clash, answered with
 * Take Theirs. */
static void
answer_clash (Share        *share,
              SlSyncClient *bob)
{
  SlSyncClient *client = sl_sync_manager_get_client (share->manager);

  sl_sync_client_stop (client);
  set_plan_title (share->ws, "Shift to video");
  set_plan_title (sl_sync_client_get_workspace (bob), "Shift to events");
  sl_test_sync_round (bob);
  sl_sync_client_start (client);
  g_assert_true (sl_ui_test_iterate_until (has_clash_cb, share->manager, 30000));
  wait_for_issues (share->manager, 1);
  gtk_menu_button_popup (share->menu_button);
  sl_ui_test_settle (300);
  screenshot (share->popover, "sync-clash.png");
  g_signal_emit_by_name (find_button (share->popover, "_Take Theirs"), "clicked");
  wait_for_issues (share->manager, 0);
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (share->ws),
                                        "SELECT count(*) FROM realloc_plan WHERE title = 'Shift to events'"), ==, 1);
  gtk_popover_popdown (GTK_POPOVER (share->popover));
}

/* An approval her role does not allow is refused, with the reason;
 * then the popover dark, and the header bar narrow. */
static void
see_refusals (Share *share)
{
  gint64 plan = sl_test_query_int64 (sl_workspace_get_database (share->ws), "SELECT id FROM realloc_plan");
  g_autofree char *status = NULL;

  sl_workspace_set_user_role (share->ws, SL_USER_ROLE_FINANCE);
  g_assert_true (sl_workspace_approve_realloc_plan (share->ws, plan, "Fine by me", NULL));
  wait_for_issues (share->manager, 2);
  status = sl_sync_button_dup_status (share->button);
  g_assert_nonnull (strstr (status, "2 items need your attention"));
  gtk_menu_button_popup (share->menu_button);
  sl_ui_test_settle (300);
  screenshot (share->popover, "sync-refused.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sl_ui_test_settle (300);
  screenshot (share->popover, "sync-refused-dark.png");
  gtk_popover_popdown (GTK_POPOVER (share->popover));
  gtk_window_set_default_size (GTK_WINDOW (share->window), 400, 700);
  sl_ui_test_settle (500);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (share->button)));
  screenshot (GTK_WIDGET (share->window), "sync-narrow-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_share (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autofree char *path = g_build_filename (dir, "alice.sunlight", NULL);
  g_autoptr(SlSyncClient) bob = bob_proposes (dir, db);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Share share = { NULL };

  g_object_unref (sl_test_sync_workspace (dir, "alice.sunlight", "alice"));
  share.window = sl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (share.window), 1200, 800);
  gtk_window_present (GTK_WINDOW (share.window));
  g_assert_true (sl_window_open_file (share.window, file));
  share.ws = sl_window_get_workspace (share.window);
  share.manager = sl_window_get_sync_manager (share.window);
  share.button = SL_SYNC_BUTTON (first_of (GTK_WIDGET (share.window), SL_TYPE_SYNC_BUTTON));
  share.menu_button = GTK_MENU_BUTTON (first_of (GTK_WIDGET (share.button), GTK_TYPE_MENU_BUTTON));
  share.popover = GTK_WIDGET (gtk_menu_button_get_popover (share.menu_button));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (share.button)));

  connect_from_accounts (&share, db);
  answer_clash (&share, bob);
  see_refusals (&share);

  /* Disconnecting hides the button and forgets the account. */
  sl_sync_manager_disconnect (share.manager);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (share.button)));
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (share.ws), "SELECT count(*) FROM sync_server"),
                   ==, 0);

  gtk_window_destroy (GTK_WINDOW (share.window));
  sl_ui_test_settle (100);
  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlSyncKeyring) keyring = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_setenv ("SL_SERVER_BIN", SL_TEST_SERVER_BIN, FALSE);
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Connecting a workspace to sunlight-server and answering what sync asks");

  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  peer = sl_test_sync_start_peer (SL_TEST_PEER_SUNLIGHT);
  app = sl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* Never the user's keyring. */
  keyring = sl_sync_keyring_new_in_memory ();
  sl_application_set_keyring (app, keyring);

  g_test_add_func ("/ui/sync/share", test_share);
  status = g_test_run ();

  g_clear_object (&app);
  g_clear_pointer (&peer, sl_test_peer_free);
  return status;
}
