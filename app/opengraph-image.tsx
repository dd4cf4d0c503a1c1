import { brand } from "@/brand.config";
import { socialImage, socialImageSize } from "./(marketing)/_components/social-image";

// Built once at build time: nothing here reads the request.
export const alt = `${brand.name}: ${brand.tagline}`;
export const size = socialImageSize;
export const contentType = "image/png";

export default function LandingImage() {
  return socialImage({
    title: brand.tagline,
    lead: brand.description,
  });
}
