package dev.flinkedge.registry.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts of the registry's REST API from key and trust stores: the server's ({@code
 * rest.tls.keystore.*}) and its clients' ({@link RegistryClient.Builder#trustStore}).
 */
public final class RegistryTls {

    private RegistryTls() {}

    /**
     * A server context presenting the key and certificate chain in {@code keystore}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be loaded
     */
    public static SSLContext serving(Path keystore, String password, String type) {
        try {
            KeyManagerFactory kmf =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keystore, password, type, "keystore"), chars(password));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Keystore " + keystore + " has no usable key: " + e.getMessage(), e);
        }
    }

    /**
     * A client context trusting the certificates in {@code truststore}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be loaded
     */
    public static SSLContext trusting(Path truststore, String password, String type) {
        try {
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(truststore, password, type, "truststore"));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Truststore " + truststore + " is not usable: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password, String type, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, chars(password));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Cannot read the "
                            + what
                            + " "
                            + file.toAbsolutePath()
                            + " as "
                            + type
                            + ": "
                            + e.getMessage()
                            + "; check the file, its password and its type (PKCS12 or JKS)",
                    e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
