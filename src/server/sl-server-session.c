/* sl-server-session.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "sl-server-session.h"

static void
compute_mac (GBytes     *secret,
             const char *name,
             gint64      expires,
             const char *user_hash,
             guint8      mac[crypto_auth_hmacsha256_BYTES])
{
  crypto_auth_hmacsha256_state state;
  char stamp[32];
  gsize key_length;
  const guint8 *key = g_bytes_get_data (secret, &key_length);

  g_snprintf (stamp, sizeof stamp, "\n%" G_GINT64_FORMAT "\n", expires);
  crypto_auth_hmacsha256_init (&state, key, key_length);
  crypto_auth_hmacsha256_update (&state, (const guchar *) name, strlen (name));
  crypto_auth_hmacsha256_update (&state, (const guchar *) stamp, strlen (stamp));
  crypto_auth_hmacsha256_update (&state, (const guchar *) user_hash, strlen (user_hash));
  crypto_auth_hmacsha256_final (&state, mac);
}

char *
sl_server_session_make (GBytes     *secret,
                        const char *name,
                        const char *user_hash,
                        gint64      expires)
{
  guint8 mac[crypto_auth_hmacsha256_BYTES];
  char name64[sodium_base64_ENCODED_LEN (256, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  char mac_hex[2 * sizeof mac + 1];
  gsize length = strlen (name);

  g_return_val_if_fail (length <= 256, NULL);

  compute_mac (secret, name, expires, user_hash, mac);
  sodium_bin2base64 (name64, sizeof name64, (const guchar *) name, length,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_bin2hex (mac_hex, sizeof mac_hex, mac, sizeof mac);
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", name64, expires, mac_hex);
}

gboolean
sl_server_session_parse (const char  *value,
                         char       **name,
                         gint64      *expires)
{
  g_auto(GStrv) parts = value != NULL ? g_strsplit (value, ":", -1) : NULL;
  guint8 decoded[256];
  gsize length = 0;

  if (parts == NULL || g_strv_length (parts) != 3)
    return FALSE;
  if (sodium_base642bin (decoded, sizeof decoded - 1, parts[0], strlen (parts[0]),
                         NULL, &length, NULL,
                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      length == 0 || !g_utf8_validate ((const char *) decoded, (gssize) length, NULL) ||
      memchr (decoded, '\0', length) != NULL)
    return FALSE;
  if (!g_ascii_string_to_signed (parts[1], 10, 0, G_MAXINT64, expires, NULL))
    return FALSE;

  *name = g_strndup ((const char *) decoded, length);
  return TRUE;
}

gboolean
sl_server_session_verify (GBytes     *secret,
                          const char *value,
                          const char *user_hash)
{
  g_autofree char *name = NULL;
  const char *mac_hex;
  guint8 expected[crypto_auth_hmacsha256_BYTES];
  guint8 given[crypto_auth_hmacsha256_BYTES];
  gsize length = 0;
  gint64 expires;

  if (!sl_server_session_parse (value, &name, &expires))
    return FALSE;

  mac_hex = strrchr (value, ':') + 1;
  if (sodium_hex2bin (given, sizeof given, mac_hex, strlen (mac_hex),
                      NULL, &length, NULL) != 0 || length != sizeof given)
    return FALSE;

  compute_mac (secret, name, expires, user_hash, expected);
  return sodium_memcmp (expected, given, sizeof given) == 0;
}
