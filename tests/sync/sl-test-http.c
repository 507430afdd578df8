/* sl-test-http.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sl-test-http.h"

void
sl_test_response_free (SlTestResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->body);
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_free (response);
}

SoupSession *
sl_test_http_session_new (void)
{
  return soup_session_new_with_options ("timeout", 120, "proxy-resolver", NULL, NULL);
}

static void
add_basic_auth (SoupMessage *msg,
                const char  *user,
                const char  *password)
{
  g_autofree char *pair = g_strdup_printf ("%s:%s", user, password != NULL ? password : "");
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *value = g_strdup_printf ("Basic %s", encoded);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
}

GBytes *
sl_test_http_try_send (SoupSession         *session,
                       const char          *method,
                       const char          *url,
                       const char          *user,
                       const char          *password,
                       const char          *content_type,
                       GBytes              *body,
                       const char          *header,
                       const char          *value,
                       guint               *status,
                       SoupMessageHeaders **headers,
                       GError             **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  GBytes *answer;

  if (msg == NULL)
    g_error ("Not a URL: %s", url);

  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "Accept", "application/json");
  if (user != NULL)
    add_basic_auth (msg, user, password);
  if (header != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), header, value);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  answer = soup_session_send_and_read (session, msg, NULL, error);
  if (answer == NULL)
    return NULL;

  *status = soup_message_get_status (msg);
  if (headers != NULL)
    *headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return answer;
}

GBytes *
sl_test_http_send (SoupSession         *session,
                   const char          *method,
                   const char          *url,
                   const char          *user,
                   const char          *password,
                   const char          *content_type,
                   GBytes              *body,
                   const char          *header,
                   const char          *value,
                   guint               *status,
                   SoupMessageHeaders **headers)
{
  g_autoptr(GError) error = NULL;
  GBytes *answer = sl_test_http_try_send (session, method, url, user, password, content_type, body,
                                          header, value, status, headers, &error);

  g_assert_no_error (error);
  return answer;
}

SlTestResponse *
sl_test_http_full (SoupSession *session,
                   const char  *method,
                   const char  *url,
                   const char  *user,
                   const char  *password,
                   const char  *content_type,
                   GBytes      *body,
                   const char  *header,
                   const char  *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  SlTestResponse *response = g_new0 (SlTestResponse, 1);
  g_autoptr(GBytes) answer = sl_test_http_send (session, method, url, user, password,
                                                content_type, body, header, value,
                                                &response->status, &response->headers);

  response->body = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
  if (json_parser_load_from_data (parser, response->body, -1, NULL) &&
      json_parser_get_root (parser) != NULL)
    response->json = json_node_ref (json_parser_get_root (parser));
  return response;
}

SlTestResponse *
sl_test_http (SoupSession *session,
              const char  *method,
              const char  *url,
              const char  *user,
              const char  *password,
              const char  *body)
{
  g_autoptr(GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;

  return sl_test_http_full (session, method, url, user, password,
                            body != NULL ? "application/json" : NULL, bytes, NULL, NULL);
}

void
sl_test_assert_error (SlTestResponse *response,
                      guint           status,
                      const char     *error)
{
  JsonObject *object;

  if (response->status != status)
    g_test_message ("expected %u, got %u: %s", status, response->status, response->body);
  g_assert_cmpuint (response->status, ==, status);
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));

  object = json_node_get_object (response->json);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "error", NULL), ==, error);
  g_assert_nonnull (json_object_get_string_member_with_default (object, "reason", NULL));
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "reason", ""), !=, "");
}
