using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Sov.Core.Config;

namespace Sov.Borders.Network;

/// <summary>
/// Trust for a private endpoint: the PEM certificates in config <c>network.ca_file</c> are accepted as roots
/// in addition to the system's. Validation is never switched off: the chain must build to one of those
/// roots and the name must match; anything else fails as it would without the file.
/// </summary>
internal static class PrivateCa
{
    public static RemoteCertificateValidationCallback Load(string caFile)
    {
        X509Certificate2Collection roots = [];
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ConfigException($"Cannot read the CA file {caFile}: {Sov.Core.PlainErrors.Describe(e)}",
                "Point network.ca_file in config.toml at a readable PEM file with your private CA certificate.");
        }

        if (roots.Count == 0)
        {
            throw new ConfigException($"The CA file {caFile} holds no PEM certificate.",
                "Point network.ca_file in config.toml at a PEM file with your private CA certificate.");
        }

        return (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
            {
                return false;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(roots);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                foreach (var element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
    }
}
