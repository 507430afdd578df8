/* test-rules.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table of write-rule cases (rules.json) run three ways: against
 * sunlight-server's C rules, against a sunlight-server process, and
 * against pouchdb-server with data/couchdb's validate_doc_update
 * installed by data/couchdb/install.sh.
 */

#include "config.h"

#include <string.h>

#include "sl-server-error.h"
#include "sl-server-rules.h"
#include "sl-test-json.h"
#include "sl-test-peer.h"

static JsonNode *
load_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "rules.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return sl_test_json_parse (text);
}

static JsonArray *
cases_of (JsonNode *table)
{
  return json_object_get_array_member (json_node_get_object (table), "cases");
}

static const char *
role_of (JsonNode   *table,
         const char *user)
{
  JsonObject *users = json_object_get_object_member (json_node_get_object (table), "users");

  if (g_strcmp0 (user, "admin") == 0)
    return "admin";
  return json_object_get_string_member (users, user);
}

/* The case's document id: its "id", or "<type>:<uuid>". */
static char *
case_id (JsonObject *item)
{
  JsonObject *old = json_object_get_null_member (item, "old")
                    ? NULL : json_object_get_object_member (item, "old");
  JsonObject *new = json_object_get_object_member (item, "new");
  const char *type = json_object_get_string_member_with_default (old != NULL ? old : new,
                                                                 "type", "goal");
  g_autofree char *uuid = g_uuid_string_random ();

  if (json_object_has_member (item, "id"))
    return g_strdup (json_object_get_string_member (item, "id"));
  return g_strdup_printf ("%s:%s", type, uuid);
}

/* `new` with _id (and _rev) added, as JSON text. */
static char *
new_doc_text (JsonObject *item,
              const char *id,
              const char *rev)
{
  g_autoptr(JsonNode) doc = json_node_copy (json_object_get_member (item, "new"));
  JsonObject *object = json_node_get_object (doc);

  json_object_set_string_member (object, "_id", id);
  if (rev != NULL)
    json_object_set_string_member (object, "_rev", rev);
  return sl_test_json_to_text (doc);
}

static void
test_c_rules (void)
{
  g_autoptr(JsonNode) table = load_table ();
  JsonArray *cases = cases_of (table);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);
      g_autofree char *id = case_id (item);
      g_autofree char *text = new_doc_text (item, id, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SlServerDoc) doc = sl_server_doc_new_from_text (text, -1, &error);
      const char *user = json_object_get_string_member (item, "user");
      SlServerDocFields old = { 0 };
      gboolean has_old = !json_object_get_null_member (item, "old");
      SlServerRole role = SL_SERVER_ROLE_NONE;
      gboolean ok;

      g_test_message ("%s", json_object_get_string_member (item, "name"));
      g_assert_no_error (error);
      g_assert_true (sl_server_role_from_string (role_of (table, user), &role));
      if (has_old)
        {
          g_autofree char *old_text =
            sl_test_json_to_text (json_object_get_member (item, "old"));

          g_assert_true (sl_server_doc_fields_read (old_text, &old));
        }
      ok = sl_server_rules_check (user, role, doc, has_old ? &old : NULL, &error);
      sl_server_doc_fields_clear (&old);

      if (g_strcmp0 (json_object_get_string_member (item, "expect"), "ok") == 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_FORBIDDEN);
      g_assert_cmpstr (error->message, ==, json_object_get_string_member (item, "reason"));
    }
}

/* Writes @text as @user through _bulk_docs; returns "ok" or the
 * document's error, and its reason in *@reason. */
static char *
bulk_write (SlTestPeer  *peer,
            const char  *user,
            const char  *text,
            char       **reason)
{
  g_autofree char *body = g_strdup_printf ("{\"docs\":[%s]}", text);
  g_autoptr(SlTestResponse) response = sl_test_peer_request (peer, "POST", "/rules/_bulk_docs",
                                                             user, body);
  JsonNode *error;

  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpuint (sl_test_json_length (response->json, ""), ==, 1);
  error = sl_test_json_find (response->json, "0.error");
  if (error == NULL)
    return g_strdup ("ok");

  *reason = g_strdup (sl_test_json_string (response->json, "0.reason"));
  return g_strdup (json_node_get_string (error));
}

/* The admin writes @item's `old`; returns its rev, or NULL for none. */
static char *
write_old (SlTestPeer *peer,
           JsonObject *item,
           const char *id)
{
  g_autoptr(JsonNode) old = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_strdup_printf ("/rules/%s", id);
  g_autoptr(SlTestResponse) response = NULL;

  if (json_object_get_null_member (item, "old"))
    return NULL;

  old = json_node_copy (json_object_get_member (item, "old"));
  text = sl_test_json_to_text (old);
  response = sl_test_peer_request (peer, "PUT", path, SL_TEST_PEER_ADMIN, text);
  g_assert_cmpuint (response->status, ==, 201);
  return g_strdup (sl_test_json_string (response->json, "rev"));
}

static void
run_table (SlTestPeer *peer,
           JsonNode   *table)
{
  JsonArray *cases = cases_of (table);
  gboolean pouchdb = sl_test_peer_get_kind (peer) == SL_TEST_PEER_POUCHDB;

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);
      g_autofree char *id = case_id (item);
      g_autofree char *rev = write_old (peer, item, id);
      g_autofree char *text = new_doc_text (item, id, rev);
      g_autofree char *reason = NULL;
      g_autofree char *outcome = bulk_write (peer, json_object_get_string_member (item, "user"),
                                             text, &reason);
      const char *expect = json_object_get_string_member (item, "expect");

      g_test_message ("%s: %s %s", json_object_get_string_member (item, "name"), outcome,
                      reason ? reason : "");
      if (pouchdb && json_object_has_member (item, "pouchdb_expect"))
        {
          g_assert_cmpstr (outcome, ==, json_object_get_string_member (item, "pouchdb_expect"));
          continue;
        }
      g_assert_cmpstr (outcome, ==, expect);
      if (strcmp (expect, "forbidden") == 0)
        g_assert_cmpstr (reason, ==, json_object_get_string_member (item, "reason"));
    }
}

static void
add_users (SlTestPeer *peer,
           JsonNode   *table)
{
  JsonObject *users = json_object_get_object_member (json_node_get_object (table), "users");
  JsonObjectIter iter;
  const char *name;
  JsonNode *role;

  json_object_iter_init (&iter, users);
  while (json_object_iter_next (&iter, &name, &role))
    {
      g_autofree char *password = g_strdup_printf ("%s-secret", name);

      sl_test_peer_add_user (peer, name, json_node_get_string (role), password);
    }
}

static void
test_sunlight_server (void)
{
  g_autoptr(JsonNode) table = load_table ();
  g_autoptr(SlTestPeer) peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);

  sl_test_peer_create_db (peer, "rules");
  add_users (peer, table);
  run_table (peer, table);
}

/* install.sh URL rules admin, as a deployment would run it. */
static void
install_design (SlTestPeer *peer)
{
  const char *dir = g_getenv ("SL_COUCHDB_DIR");
  g_autofree char *script = g_build_filename (dir != NULL ? dir : ".", "install.sh", NULL);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_subprocess_launcher_setenv (launcher, "COUCHDB_PASSWORD", SL_TEST_PEER_ADMIN_PASSWORD, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, "sh", script,
                                         sl_test_peer_get_url (peer), "rules",
                                         SL_TEST_PEER_ADMIN, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("install.sh: %s", out);
  g_assert_true (g_subprocess_get_successful (process));
  g_assert_nonnull (strstr (out, "Installed the write rules"));
}

static void
test_pouchdb_server (void)
{
  g_autoptr(JsonNode) table = load_table ();
  g_autoptr(SlTestPeer) peer = sl_test_peer_start (SL_TEST_PEER_POUCHDB);
  g_autoptr(SlTestResponse) anonymous = NULL;

  install_design (peer);
  add_users (peer, table);
  run_table (peer, table);

  /* _security from install.sh keeps anonymous readers out. */
  anonymous = sl_test_peer_request (peer, "GET", "/rules", NULL, NULL);
  g_assert_cmpuint (anonymous->status, ==, 401);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/rules/c", test_c_rules);
  g_test_add_func ("/sync/rules/sunlight-server", test_sunlight_server);
  g_test_add_func ("/sync/rules/pouchdb-server", test_pouchdb_server);

  return g_test_run ();
}
