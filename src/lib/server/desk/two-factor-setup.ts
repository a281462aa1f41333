// What the two-factor setup page shows: the authenticator link as a QR code (an SVG made
// here, shown as an image, so no script is needed) and its key in groups of four to type.
import QRCode from 'qrcode';

export type TwoFactorSetup = { qrImage: string; secretGroups: string; totpURI: string };

export async function twoFactorSetup(totpURI: string): Promise<TwoFactorSetup> {
	const svg = await QRCode.toString(totpURI, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	const secret = new URL(totpURI).searchParams.get('secret') ?? '';
	return {
		qrImage: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
		secretGroups: secret.match(/.{1,4}/g)?.join(' ') ?? '',
		totpURI
	};
}
