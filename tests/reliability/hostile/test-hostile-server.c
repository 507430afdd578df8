/* test-hostile-server.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server against hostile names and bodies, sent as written (no
 * client normalises them):
 *
 * - database names with path and unicode tricks: refused with 400, no
 *   database made, no file anywhere but the server's data folder;
 * - document ids: the same tricks refused where CouchDB refuses them;
 *   unusual but valid ids (unicode, NFC beside NFD, "../" inside) kept
 *   byte for byte as distinct documents;
 * - bodies just under and over the 8 MiB limit, nested 100, 1,000 and
 *   100,000 deep, and invalid JSON (truncated, bad escapes, lone
 *   surrogates, overlong UTF-8, duplicate members) at every write
 *   endpoint: a 4xx with a reason, nothing stored, the server serving.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "hostile-strings.h"
#include "sl-test-json.h"
#include "sl-test-peer.h"

#define MIB (1024 * 1024)

typedef struct
{
  guint  status;
  char  *body;
  JsonNode *json;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->body, g_free);
  g_clear_pointer (&answer->json, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Answer, answer_clear)

/* @method @path as written, as the admin, with @body (NULL: none) as
 * application/json, on a connection of its own. */
static void
raw_request (SlTestPeer  *peer,
             const char  *method,
             const char  *path,
             const char  *body,
             gsize        length,
             Answer      *answer)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  const char *host = sl_test_peer_get_url (peer) + strlen ("http://");
  g_autofree char *auth = g_base64_encode ((const guchar *) SL_TEST_PEER_ADMIN ":" SL_TEST_PEER_ADMIN_PASSWORD,
                                           strlen (SL_TEST_PEER_ADMIN ":" SL_TEST_PEER_ADMIN_PASSWORD));
  g_autofree char *head = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  GOutputStream *out;
  GInputStream *in;
  guint8 buffer[16384];
  gssize n;
  const char *separator;

  if (body != NULL)
    head = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Basic %s\r\n"
                            "Accept: application/json\r\nContent-Type: application/json\r\n"
                            "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                            method, path, host, auth, length);
  else
    head = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Basic %s\r\n"
                            "Accept: application/json\r\nConnection: close\r\n\r\n", method, path, host, auth);

  connection = g_socket_client_connect_to_host (client, host, 80, NULL, &error);
  g_assert_no_error (error);
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, &error);
  g_assert_no_error (error);
  /* A server may answer a body it refuses before reading it all. */
  if (body != NULL)
    g_output_stream_write_all (out, body, length, NULL, NULL, NULL);

  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (bytes, buffer, (guint) n);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) "", 1);

  answer->status = 0;
  sscanf ((const char *) bytes->data, "HTTP/1.1 %u", &answer->status);
  separator = strstr ((const char *) bytes->data, "\r\n\r\n");
  answer->body = g_strdup (separator != NULL ? separator + 4 : "");
  answer->json = NULL;
  if (answer->body[0] == '{' || answer->body[0] == '[')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, answer->body, -1, NULL))
        answer->json = json_node_ref (json_parser_get_root (parser));
    }
}

static void
assert_serving (SlTestPeer *peer)
{
  g_autoptr(SlTestResponse) root = sl_test_peer_request (peer, "GET", "/", NULL, NULL);

  g_assert_cmpuint (root->status, ==, 200);
  g_assert_true (sl_test_peer_is_running (peer));
}

/* A 4xx (@status unless 0) with an error and a reason. */
static void
assert_refused (const char *what,
                Answer     *answer,
                guint       status,
                const char *error)
{
  g_test_message ("%s → %u %.200s", what, answer->status, answer->body);
  if (status != 0)
    g_assert_cmpuint (answer->status, ==, status);
  g_assert_cmpuint (answer->status, >=, 400);
  g_assert_cmpuint (answer->status, <, 500);
  g_assert_nonnull (answer->json);
  if (error != NULL)
    g_assert_cmpstr (sl_test_json_string (answer->json, "error"), ==, error);
  g_assert_cmpstr (sl_test_json_string (answer->json, "reason"), !=, "");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* @names sorted, one a line; frees @names. */
static char *
join_sorted (GPtrArray *names)
{
  GString *out = g_string_new (NULL);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (names, i));
  g_ptr_array_unref (names);
  return g_string_free (out, FALSE);
}

/* Every file under @dir, relative names, sorted, one a line. */
static char *
list_tree (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) todo = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (todo, g_strdup (""));
  while (todo->len > 0)
    {
      g_autofree char *relative = g_ptr_array_steal_index (todo, todo->len - 1);
      g_autofree char *path = g_build_filename (dir, relative, NULL);
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (relative, name, NULL);
          g_autofree char *full = g_build_filename (dir, child, NULL);

          if (g_file_test (full, G_FILE_TEST_IS_DIR) && !g_file_test (full, G_FILE_TEST_IS_SYMLINK))
            g_ptr_array_add (todo, g_strdup (child));
          g_ptr_array_add (names, g_steal_pointer (&child));
        }
    }
  return join_sorted (names);
}

/* The files a database name could have become: the folder above the
 * server's data, the working directory and /tmp, by name. */
static char *
list_outside (SlTestPeer *peer)
{
  g_autofree char *parent = g_path_get_dirname (sl_test_peer_get_data_dir (peer));
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *a = list_tree (parent);
  g_autofree char *here = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GDir) d = g_dir_open (cwd, 0, NULL);
  g_autoptr(GDir) t = g_dir_open ("/tmp", 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  here = join_sorted (names);
  names = g_ptr_array_new_with_free_func (g_free);
  while (t != NULL && (name = g_dir_read_name (t)) != NULL)
    if (strstr (name, "passwd") != NULL || strstr (name, "evil") != NULL || strstr (name, "sunlight-pwned") != NULL)
      g_ptr_array_add (names, g_strdup (name));
  tmp = join_sorted (names);
  return g_strconcat (a, "--\n", here, "--\n", tmp, NULL);
}

static gint64
doc_count (SlTestPeer *peer,
           const char *db)
{
  g_autofree char *path = g_strconcat ("/", db, NULL);
  g_autoptr(SlTestResponse) info = sl_test_peer_request (peer, "GET", path, SL_TEST_PEER_ADMIN, NULL);

  g_assert_cmpuint (info->status, ==, 200);
  return sl_test_json_int (info->json, "doc_count");
}

static char *
update_seq (SlTestPeer *peer,
            const char *db)
{
  g_autofree char *path = g_strconcat ("/", db, NULL);
  g_autoptr(SlTestResponse) info = sl_test_peer_request (peer, "GET", path, SL_TEST_PEER_ADMIN, NULL);
  JsonNode *seq = sl_test_json_find (info->json, "update_seq");

  g_assert_nonnull (seq);
  return sl_test_json_to_text (seq);
}

static void
test_database_names (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  static const char * const names[] = {
    /* paths */
    "..%2Fevil", "%2e%2e%2fevil", "..%2fevil", "%2Ftmp%2Fevil", "%2F..%2F..%2Fetc%2Fpasswd",
    "a%5C..%5C..%5Cevil", "evil%00", "%00evil", "evil%2F%00", "a%0Aevil", "a%20evil", "evil.db",
    "evil%3A", "~evil", "%7Eroot", "evil*", "evil%22",
    /* unicode */
    "caf%C3%A9", "cafe%CC%81", "%EF%BD%93unlight", "sun%E2%80%AElight", "%D1%95unlight",
    "sun%E2%80%8Blight", "%F0%9F%92%B8", "%D8%A8%D9%88%D8%AF%D8%AC%D9%87", "sun%C4%B1ight",
    /* not UTF-8 */
    "sun%FFlight", "sun%C0%AFlight",
    /* case and shape */
    "Sunlight", "1sunlight", "-sunlight",
  };
  /* Names starting with '_' are the server's own resources: whatever
   * they answer, no database is made. */
  static const char * const system[] = { "_sunlight", "_all_dbs", "_users", "_replicator", "_global_changes" };
  g_autofree char *before = list_outside (peer);
  g_autofree char *data_before = list_tree (sl_test_peer_get_data_dir (peer));
  g_autoptr(SlTestResponse) all_before = sl_test_peer_request (peer, "GET", "/_all_dbs", SL_TEST_PEER_ADMIN, NULL);
  g_autoptr(GString) long_name = g_string_new ("a");
  g_autoptr(SlTestResponse) all_after = NULL;
  g_autofree char *after = NULL;
  g_autofree char *data_after = NULL;
  guint tried = 0;

  while (long_name->len < 4096)
    g_string_append (long_name, "aaaaaaaa");

  for (guint i = 0; i <= G_N_ELEMENTS (names); i++)
    {
      const char *name = i < G_N_ELEMENTS (names) ? names[i] : long_name->str;
      static const char * const methods[] = { "PUT", "GET", "DELETE" };

      for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
        {
          g_autofree char *path = g_strconcat ("/", name, NULL);
          g_autofree char *what = g_strdup_printf ("%s /%.60s", methods[m], name);
          g_auto(Answer) answer = { 0 };

          raw_request (peer, methods[m], path, NULL, 0, &answer);
          assert_refused (what, &answer, 400, NULL);
          g_assert_true (g_str_equal (sl_test_json_string (answer.json, "error"), "illegal_database_name") ||
                         g_str_equal (sl_test_json_string (answer.json, "error"), "bad_request"));
          tried++;
        }
      assert_serving (peer);
    }

  for (guint i = 0; i < G_N_ELEMENTS (system); i++)
    for (guint m = 0; m < 2; m++)
      {
        g_autofree char *path = g_strconcat ("/", system[i], NULL);
        g_autofree char *what = g_strdup_printf ("%s %s", m == 0 ? "PUT" : "DELETE", path);
        g_auto(Answer) answer = { 0 };

        raw_request (peer, m == 0 ? "PUT" : "DELETE", path, NULL, 0, &answer);
        assert_refused (what, &answer, 0, NULL);
        tried++;
      }

  /* "/%2E%2E" is "/.." decoded, which the HTTP layer resolves to "/":
   * the root, where nothing can be put or deleted. */
  for (guint m = 0; m < 2; m++)
    {
      g_auto(Answer) answer = { 0 };

      raw_request (peer, m == 0 ? "PUT" : "DELETE", "/%2E%2E", NULL, 0, &answer);
      assert_refused (m == 0 ? "PUT /%2E%2E" : "DELETE /%2E%2E", &answer, 405, "method_not_allowed");
      tried++;
    }

  all_after = sl_test_peer_request (peer, "GET", "/_all_dbs", SL_TEST_PEER_ADMIN, NULL);
  g_assert_cmpstr (all_after->body, ==, all_before->body);
  after = list_outside (peer);
  g_assert_cmpstr (after, ==, before);
  /* The data folder gained no file (the store's own aside). */
  data_after = list_tree (sl_test_peer_get_data_dir (peer));
  g_assert_cmpstr (data_after, ==, data_before);
  g_test_message ("%u database name requests refused; no database and no file made", tried);
}

typedef struct
{
  const char *path;    /* the id as the URL writes it */
  const char *id;      /* the id as stored, NULL: refused with 400, "": a dot
                        * segment the HTTP layer resolves (the request
                        * goes to the root and is refused there) */
} DocId;

static const DocId doc_ids[] = {
  /* Refused, as CouchDB refuses them */
  { "%00", NULL },
  { "a%00b", NULL },
  { "a%01b", NULL },
  { "a%0D%0Ab", NULL },
  { "a%7Fb", NULL },
  { "%FF%FE", NULL },
  { "%C0%AF", NULL },
  { "%ED%A0%80", NULL },
  { "_evil", NULL },
  { "_design", NULL },
  { "_local", NULL },
  { "..", "" },
  { ".", "" },
  { "%2e%2e", "" },
  { "%2E", "" },
  /* Kept as they are: CouchDB allows any other UTF-8 */
  { "..%2F..%2Fetc%2Fpasswd", "../../etc/passwd" },
  { "%2Ftmp%2Fevil", "/tmp/evil" },
  { "..%5C..%5Cevil", "..\\..\\evil" },
  { "evil%25%32%65", "evil%2e" },
  { "caf%C3%A9", "caf\xC3\xA9" },
  { "cafe%CC%81", "cafe\xCC\x81" },
  { "%EF%BC%B3earch", "\xEF\xBC\xB3" "earch" },
  { "%D0%85earch", "\xD0\x85" "earch" },
  { "invoice%E2%80%AEfdp.exe", "invoice\xE2\x80\xAE" "fdp.exe" },
  { "a%E2%80%8Bb%E2%80%8Dc", "a\xE2\x80\x8B" "b\xE2\x80\x8D" "c" },
  { "%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9" },
  { "%D8%A8%D9%88%D8%AF%D8%AC%D9%87", "\xD8\xA8\xD9\x88\xD8\xAF\xD8\xAC\xD9\x87" },
  { "%E0%B8%87%E0%B8%9A", "\xE0\xB8\x87\xE0\xB8\x9A" },
  { "%E5%B8%82%E5%9C%BA", "\xE5\xB8\x82\xE5\x9C\xBA" },
  { "'%3B%20DROP%20TABLE%20doc%3B%20--", "'; DROP TABLE doc; --" },
  { "%25s%25n%25x", "%s%n%x" },
  { "a%20b", "a b" },
  { "x%22y", "x\"y" },
};

/* The id escaped for a URL path segment. */
static char *
escape_id (const char *id)
{
  return g_uri_escape_string (id, NULL, FALSE);
}

static void
test_doc_ids (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *before = list_outside (peer);
  g_autofree char *after = NULL;
  g_autoptr(GString) too_long = g_string_new ("/hostile/");
  g_autoptr(SlTestResponse) all = NULL;
  guint kept = 0, refused = 0;
  gint64 count = doc_count (peer, "hostile");

  for (guint i = 0; i < 513; i++)
    g_string_append_c (too_long, 'x');

  for (guint i = 0; i < G_N_ELEMENTS (doc_ids); i++)
    {
      g_autofree char *path = g_strconcat ("/hostile/", doc_ids[i].path, NULL);
      g_autofree char *what = g_strdup_printf ("PUT %s", path);
      g_auto(Answer) put = { 0 };

      raw_request (peer, "PUT", path, "{\"type\":\"x\"}", 12, &put);
      if (doc_ids[i].id != NULL && doc_ids[i].id[0] == '\0')
        {
          assert_refused (what, &put, 0, NULL);
          refused++;
          continue;
        }
      if (doc_ids[i].id == NULL)
        {
          assert_refused (what, &put, 400, "bad_request");
          refused++;
          continue;
        }
      g_test_message ("%s → %u %s", what, put.status, put.body);
      g_assert_cmpuint (put.status, ==, 201);
      g_assert_cmpstr (sl_test_json_string (put.json, "id"), ==, doc_ids[i].id);
      {
        g_autofree char *escaped = escape_id (doc_ids[i].id);
        g_autofree char *get_path = g_strconcat ("/hostile/", escaped, NULL);
        g_auto(Answer) get = { 0 };

        raw_request (peer, "GET", get_path, NULL, 0, &get);
        g_assert_cmpuint (get.status, ==, 200);
        g_assert_cmpstr (sl_test_json_string (get.json, "_id"), ==, doc_ids[i].id);
      }
      count++;
      kept++;
    }

  /* Too long, and in a _bulk_docs body: the same rules. */
  {
    g_auto(Answer) answer = { 0 };

    raw_request (peer, "PUT", too_long->str, "{}", 2, &answer);
    assert_refused ("PUT a 513-byte id", &answer, 400, "bad_request");
    refused++;
  }
  {
    static const char * const bodies[] = {
      "{\"docs\":[{\"_id\":\"a\\u0000b\"}]}",
      "{\"docs\":[{\"_id\":\"a\\u0001b\"}]}",
      "{\"docs\":[{\"_id\":\"\\ud800\"}]}",
      "{\"docs\":[{\"_id\":\"_evil\"}]}",
      "{\"docs\":[{\"_id\":\"\"}]}",
      "{\"docs\":[{\"_id\":7}]}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_auto(Answer) answer = { 0 };

        raw_request (peer, "POST", "/hostile/_bulk_docs", bodies[i], strlen (bodies[i]), &answer);
        assert_refused (bodies[i], &answer, 400, "bad_request");
        refused++;
      }
  }

  /* NFC and NFD are two documents; every id comes back as it went in. */
  g_assert_cmpint (doc_count (peer, "hostile"), ==, count);
  all = sl_test_peer_request (peer, "GET", "/hostile/_all_docs", SL_TEST_PEER_ADMIN, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (doc_ids); i++)
    {
      gboolean found = FALSE;

      if (doc_ids[i].id != NULL && doc_ids[i].id[0] == '\0')
        continue;
      for (guint r = 0; doc_ids[i].id != NULL && r < sl_test_json_length (all->json, "rows"); r++)
        {
          g_autofree char *key = g_strdup_printf ("rows.%u.id", r);

          found = found || g_str_equal (sl_test_json_string (all->json, key), doc_ids[i].id);
        }
      g_assert_true (found == (doc_ids[i].id != NULL));
    }
  after = list_outside (peer);
  g_assert_cmpstr (after, ==, before);
  assert_serving (peer);
  g_test_message ("%u unusual ids kept byte for byte, %u refused", kept, refused);
}

/* A document body of @size bytes: a string member filling it. */
static char *
sized_doc (const char *id,
           gsize       size)
{
  GString *doc = g_string_sized_new (size + 1);

  g_string_append_printf (doc, "{\"_id\":\"%s\",\"type\":\"x\",\"fill\":\"", id);
  while (doc->len < size - 2)
    g_string_append_c (doc, 'x');
  g_string_append (doc, "\"}");
  return g_string_free (doc, FALSE);
}

static char *
nested (guint depth)
{
  GString *doc = g_string_new ("{\"_id\":\"deep\",\"x\":");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (doc, i % 2 ? '[' : '{');
  /* Left open beyond what a scanner reads: it stops at the depth. */
  return g_string_free (doc, FALSE);
}

typedef struct
{
  const char *label;
  char       *body;
  gsize       length;
} Body;

static void
add_body (GPtrArray  *bodies,
          const char *label,
          char       *body,
          gssize      length)
{
  Body *b = g_new0 (Body, 1);

  b->label = label;
  b->body = body;
  b->length = length < 0 ? strlen (body) : (gsize) length;
  g_ptr_array_add (bodies, b);
}

static void
body_free (gpointer data)
{
  Body *b = data;

  g_free (b->body);
  g_free (b);
}

static GPtrArray *
invalid_bodies (void)
{
  GPtrArray *bodies = g_ptr_array_new_with_free_func (body_free);

  add_body (bodies, "truncated", g_strdup ("{\"_id\":\"t\",\"type\":\"x\",\"docs\":[{\"a\":"), -1);
  add_body (bodies, "truncated string", g_strdup ("{\"_id\":\"t\",\"type\":\"x"), -1);
  add_body (bodies, "bad escape", g_strdup ("{\"_id\":\"t\",\"type\":\"\\x41\"}"), -1);
  add_body (bodies, "bad unicode escape", g_strdup ("{\"_id\":\"t\",\"type\":\"\\u12G4\"}"), -1);
  add_body (bodies, "lone high surrogate", g_strdup ("{\"_id\":\"t\",\"type\":\"\\ud800\"}"), -1);
  add_body (bodies, "lone low surrogate", g_strdup ("{\"_id\":\"t\",\"type\":\"\\udc00x\"}"), -1);
  add_body (bodies, "reversed surrogates", g_strdup ("{\"_id\":\"t\",\"type\":\"\\udc00\\ud800\"}"), -1);
  add_body (bodies, "overlong UTF-8", g_strdup ("{\"_id\":\"t\",\"type\":\"\xc0\xaf\"}"), -1);
  add_body (bodies, "surrogate UTF-8", g_strdup ("{\"_id\":\"t\",\"type\":\"\xed\xa0\x80\"}"), -1);
  add_body (bodies, "raw NUL", g_strdup ("{\"_id\":\"t\",\"type\":\"a_b\"}"), -1);
  ((Body *) g_ptr_array_index (bodies, bodies->len - 1))->body[22] = '\0';
  add_body (bodies, "raw control", g_strdup ("{\"_id\":\"t\",\"type\":\"a\x01" "b\"}"), -1);
  add_body (bodies, "duplicate member", g_strdup ("{\"_id\":\"t\",\"type\":\"x\",\"type\":\"y\"}"), -1);
  add_body (bodies, "duplicate escaped", g_strdup ("{\"_id\":\"t\",\"status\":\"draft\",\"st\\u0061tus\":\"approved\"}"), -1);
  add_body (bodies, "duplicate nested", g_strdup ("{\"_id\":\"t\",\"lines\":[{\"amount\":1,\"amount\":2}]}"), -1);
  add_body (bodies, "duplicate _id", g_strdup ("{\"_id\":\"t\",\"_id\":\"u\"}"), -1);
  add_body (bodies, "trailing comma", g_strdup ("{\"_id\":\"t\",\"type\":\"x\",}"), -1);
  add_body (bodies, "single quotes", g_strdup ("{'_id':'t'}"), -1);
  add_body (bodies, "NaN", g_strdup ("{\"_id\":\"t\",\"n\":NaN}"), -1);
  add_body (bodies, "two values", g_strdup ("{\"_id\":\"t\"}{\"_id\":\"u\"}"), -1);
  add_body (bodies, "not an object", g_strdup ("\"docs\""), -1);
  add_body (bodies, "empty", g_strdup (""), 0);
  add_body (bodies, "deep 100", nested (100), -1);
  add_body (bodies, "deep 1000", nested (1000), -1);
  add_body (bodies, "deep 100000", nested (100000), -1);
  return bodies;
}

/* Where each body goes: the documents of a bulk write are wrapped. */
static const struct
{
  const char *method;
  const char *path;
  gboolean    wrap_docs;
} endpoints[] = {
  { "PUT", "/hostile/t", FALSE },
  { "POST", "/hostile", FALSE },
  { "POST", "/hostile/_bulk_docs", TRUE },
  { "POST", "/hostile/_bulk_docs", FALSE },
  { "POST", "/hostile/_revs_diff", FALSE },
  { "POST", "/hostile/_bulk_get", TRUE },
  { "POST", "/hostile/_all_docs", FALSE },
  { "PUT", "/hostile/_local/t", FALSE },
  { "PUT", "/hostile/_design/t", FALSE },
  { "PUT", "/hostile/_security", FALSE },
  { "POST", "/_session", FALSE },
};

static char *
wrap (const Body *b,
      gboolean    docs,
      gsize      *length)
{
  GString *out = g_string_new (docs ? "{\"docs\":[" : "");

  g_string_append_len (out, b->body, (gssize) b->length);
  if (docs)
    g_string_append (out, "]}");
  *length = out->len;
  return g_string_free (out, FALSE);
}

static void
test_invalid_json (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autoptr(GPtrArray) bodies = invalid_bodies ();
  g_autofree char *seq = update_seq (peer, "hostile");
  g_autoptr(SlTestResponse) local = NULL;
  g_autoptr(SlTestResponse) security = NULL;
  gint64 count = doc_count (peer, "hostile");
  guint tried = 0;

  for (guint e = 0; e < G_N_ELEMENTS (endpoints); e++)
    for (guint i = 0; i < bodies->len; i++)
      {
        const Body *b = g_ptr_array_index (bodies, i);
        gsize length;
        g_autofree char *body = wrap (b, endpoints[e].wrap_docs, &length);
        g_autofree char *what = g_strdup_printf ("%s %s: %s", endpoints[e].method, endpoints[e].path, b->label);
        g_auto(Answer) answer = { 0 };

        /* {"docs":[]} is a valid empty batch. */
        if (endpoints[e].wrap_docs && b->length == 0)
          continue;
        raw_request (peer, endpoints[e].method, endpoints[e].path, body, length, &answer);
        /* _bulk_get answers an entry that is not one with an error of its own. */
        if (answer.status == 200 && g_str_has_suffix (endpoints[e].path, "_bulk_get"))
          {
            g_test_message ("%s → %u %.200s", what, answer.status, answer.body);
            g_assert_cmpstr (sl_test_json_string (answer.json, "results.0.docs.0.error.error"), ==, "bad_request");
            tried++;
            continue;
          }
        assert_refused (what, &answer, 0, NULL);
        tried++;
      }

  assert_serving (peer);
  g_assert_cmpint (doc_count (peer, "hostile"), ==, count);
  {
    g_autofree char *seq_after = update_seq (peer, "hostile");

    g_assert_cmpstr (seq_after, ==, seq);
  }
  local = sl_test_peer_request (peer, "GET", "/hostile/_local/t", SL_TEST_PEER_ADMIN, NULL);
  g_assert_cmpuint (local->status, ==, 404);
  security = sl_test_peer_request (peer, "GET", "/hostile/_security", SL_TEST_PEER_ADMIN, NULL);
  g_assert_cmpuint (security->status, ==, 200);
  g_assert_null (strstr (security->body, "\"t\""));
  g_test_message ("%u invalid bodies × %u write endpoints: %u refused, nothing stored", bodies->len,
                  (guint) G_N_ELEMENTS (endpoints), tried);
}

/* Just under the limit is taken; just over is 413 at every endpoint. */
static void
test_body_limit (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  gsize under = 8 * MIB - 64 * 1024;
  gsize over = 8 * MIB + 1;
  g_autofree char *big = sized_doc ("big", under);
  g_autofree char *bigger = sized_doc ("bigger", over);
  g_autofree char *seq = NULL;
  gint64 count;

  {
    g_auto(Answer) answer = { 0 };
    g_autoptr(SlTestResponse) back = NULL;

    raw_request (peer, "PUT", "/hostile/big", big, strlen (big), &answer);
    g_test_message ("PUT %zu bytes → %u %s", strlen (big), answer.status, answer.body);
    g_assert_cmpuint (answer.status, ==, 201);
    back = sl_test_peer_request (peer, "GET", "/hostile/big", SL_TEST_PEER_ADMIN, NULL);
    g_assert_cmpuint (back->status, ==, 200);
    g_assert_cmpuint (strlen (sl_test_json_string (back->json, "fill")), ==, under - strlen ("{\"_id\":\"big\",\"type\":\"x\",\"fill\":\"\"}"));
  }

  seq = update_seq (peer, "hostile");
  count = doc_count (peer, "hostile");
  for (guint e = 0; e < G_N_ELEMENTS (endpoints); e++)
    {
      g_autofree char *what = g_strdup_printf ("%s %s: %zu bytes", endpoints[e].method, endpoints[e].path, over);
      g_auto(Answer) answer = { 0 };

      raw_request (peer, endpoints[e].method, endpoints[e].path, bigger, over, &answer);
      assert_refused (what, &answer, 413, "too_large");
      assert_serving (peer);
    }
  g_assert_cmpint (doc_count (peer, "hostile"), ==, count);
  {
    g_autofree char *seq_after = update_seq (peer, "hostile");

    g_assert_cmpstr (seq_after, ==, seq);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) peer = NULL;

  g_test_init (&argc, &argv, NULL);

  peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);
  sl_test_peer_add_user (peer, "alice", "marketing", "alice-secret");
  sl_test_peer_create_db (peer, "hostile");

  g_test_add_data_func ("/reliability/hostile/server/database-names", peer, test_database_names);
  g_test_add_data_func ("/reliability/hostile/server/doc-ids", peer, test_doc_ids);
  g_test_add_data_func ("/reliability/hostile/server/invalid-json", peer, test_invalid_json);
  /* The 8 MiB bodies are left out of the quick rounds. */
  if (!hostile_quick ())
    g_test_add_data_func ("/reliability/hostile/server/body-limit", peer, test_body_limit);

  return g_test_run ();
}
