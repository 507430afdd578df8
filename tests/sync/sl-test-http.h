/* sl-test-http.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* An answer, read whole. */
typedef struct
{
  guint               status;
  char               *body;
  JsonNode           *json;      /* NULL when the body is not JSON */
  SoupMessageHeaders *headers;
} SlTestResponse;

void            sl_test_response_free   (SlTestResponse *response);

/* A session for talking to test peers (keep-alive, no proxy). */
SoupSession    *sl_test_http_session_new (void);
/* A request with `Accept: application/json`, Basic auth when @user is
 * set and @body (JSON) sent as application/json. Transport errors fail
 * the test; HTTP errors come back in the response. */
SlTestResponse *sl_test_http            (SoupSession    *session,
                                         const char     *method,
                                         const char     *url,
                                         const char     *user,
                                         const char     *password,
                                         const char     *body);
/* The same with any body, content type (NULL: none) and extra header
 * (name, value; NULL for none). */
SlTestResponse *sl_test_http_full       (SoupSession    *session,
                                         const char     *method,
                                         const char     *url,
                                         const char     *user,
                                         const char     *password,
                                         const char     *content_type,
                                         GBytes         *body,
                                         const char     *header,
                                         const char     *value);
/* The request of sl_test_http_full(), answered with the body unparsed:
 * *@status gets the status, *@headers (if set) the response headers. */
GBytes         *sl_test_http_send       (SoupSession    *session,
                                         const char     *method,
                                         const char     *url,
                                         const char     *user,
                                         const char     *password,
                                         const char     *content_type,
                                         GBytes         *body,
                                         const char     *header,
                                         const char     *value,
                                         guint          *status,
                                         SoupMessageHeaders **headers);
/* The same, with a transport error (a refused or broken connection)
 * returned as NULL and @error instead of failing the test. */
GBytes         *sl_test_http_try_send   (SoupSession    *session,
                                         const char     *method,
                                         const char     *url,
                                         const char     *user,
                                         const char     *password,
                                         const char     *content_type,
                                         GBytes         *body,
                                         const char     *header,
                                         const char     *value,
                                         guint          *status,
                                         SoupMessageHeaders **headers,
                                         GError        **error);
/* "error" and "reason" of an error answer must be there, and the
 * status @status. */
void            sl_test_assert_error    (SlTestResponse *response,
                                         guint           status,
                                         const char     *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlTestResponse, sl_test_response_free)

G_END_DECLS
